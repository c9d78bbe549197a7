using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Alerts;

namespace Platform.Api.Tests.Alerts;

/// <summary>Rules from Alerts:Rules are listed beside the API ones and cannot be deleted through the API.</summary>
public sealed class ConfiguredAlertRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_configured_rule_is_listed_read_only_and_its_delete_is_a_409()
    {
        await using var api = new ApiFactory(null, new Dictionary<string, string>
        {
            ["Alerts:Rules:0:Name"] = "Slow answers",
            ["Alerts:Rules:0:Kind"] = "p95_latency",
            ["Alerts:Rules:0:Threshold"] = "2500",
            ["Alerts:Rules:0:WindowMinutes"] = "15",
        });
        var admin = api.CreateClient(ApiFactory.AdminKey);

        var rule = Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>("/api/alerts", Ct))!);
        Assert.Equal(("Slow answers", "config", 2500.0, 15), (rule.GetProperty("name").GetString(), rule.GetProperty("source").GetString(),
            rule.GetProperty("threshold").GetDouble(), rule.GetProperty("windowMinutes").GetInt32()));
        Assert.Equal(AlertRuleRules.ConfigurationId("Slow answers"), rule.GetProperty("id").GetGuid());

        var delete = await admin.DeleteAsync($"/api/alerts/{rule.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        var taken = await admin.PostAsJsonAsync("/api/alerts", new { name = "slow answers", kind = "daily_cost", threshold = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
    }

    [Fact]
    public void An_invalid_configured_rule_stops_the_start_with_the_setting_named()
    {
        using var api = new ApiFactory(null, new Dictionary<string, string>
        {
            ["Alerts:Rules:0:Name"] = "Broken",
            ["Alerts:Rules:0:Kind"] = "failure_rate",
            ["Alerts:Rules:0:Threshold"] = "150",
        });
        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient(ApiFactory.AdminKey));
        Assert.Contains("Alerts:Rules:0:threshold", error.ToString(), StringComparison.Ordinal);
    }
}
