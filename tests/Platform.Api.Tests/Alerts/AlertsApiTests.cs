using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Alerts;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Api.Tests.Alerts;

public abstract class AlertsApiTests(Storage storage, PostgresServer postgres) : ApiTestBase(storage, postgres)
{
    [Fact]
    public async Task Admin_creates_lists_and_deletes_a_rule_and_sees_its_firing()
    {
        var created = await Admin.PostAsJsonAsync("/api/alerts",
            new { name = "Failures", kind = "failure_rate", threshold = 25, windowMinutes = 10, webhookUrl = "https://hooks.example.com/a" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = rule.GetProperty("id").GetGuid();
        Assert.Equal($"/api/alerts/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("api", "ok", 10), (rule.GetProperty("source").GetString(), rule.GetProperty("state").GetString(), rule.GetProperty("minSamples").GetInt32()));

        var firingId = await OpenFiringAsync(id, "Failures");
        var listed = Assert.Single((await Admin.GetFromJsonAsync<JsonElement[]>("/api/alerts", Ct))!);
        Assert.Equal("firing", listed.GetProperty("state").GetString());
        Assert.Equal(firingId, listed.GetProperty("lastFiring").GetProperty("id").GetGuid());
        var firings = await Admin.GetFromJsonAsync<JsonElement[]>("/api/alerts/firings?limit=10", Ct);
        Assert.Equal(42.5, Assert.Single(firings!).GetProperty("observedValue").GetDouble());

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/alerts/{id}", Ct)).StatusCode);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonElement[]>("/api/alerts", Ct))!);
        var kept = Assert.Single((await Admin.GetFromJsonAsync<JsonElement[]>("/api/alerts/firings", Ct))!);
        Assert.NotEqual(JsonValueKind.Null, kept.GetProperty("resolvedAt").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.DeleteAsync($"/api/alerts/{id}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("""{"kind":"failure_rate","threshold":10}""", "name")]
    [InlineData("""{"name":"x","kind":"error_rate","threshold":10}""", "kind")]
    [InlineData("""{"name":"x","kind":"failure_rate","threshold":101}""", "threshold")]
    [InlineData("""{"name":"x","kind":"daily_cost","threshold":-1}""", "threshold")]
    [InlineData("""{"name":"x","kind":"p95_latency"}""", "threshold")]
    [InlineData("""{"name":"x","kind":"p95_latency","threshold":500,"windowMinutes":0}""", "windowMinutes")]
    [InlineData("""{"name":"x","kind":"p95_latency","threshold":500,"minSamples":0}""", "minSamples")]
    [InlineData("""{"name":"x","kind":"daily_cost","threshold":5,"webhookUrl":"ftp://example.com/x"}""", "webhookUrl")]
    [InlineData("""{"name":"x","kind":"daily_cost","threshold":5,"webhookUrl":"/relative"}""", "webhookUrl")]
    [InlineData("""{"name":"x","kind":"daily_cost","threshold":"five"}""", "threshold")]
    [InlineData("""{"name":"x","kind":"daily_cost","threshold":5,"colour":"red"}""", "colour")]
    public async Task An_invalid_rule_is_a_400_naming_the_field(string body, string field)
    {
        var response = await Admin.PostAsync("/api/alerts", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains(field, problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_too_long_webhook_url_and_a_duplicate_name_are_refused()
    {
        var longUrl = "https://example.com/" + new string('a', AlertRuleRules.MaxUrlLength);
        var tooLong = await Admin.PostAsJsonAsync("/api/alerts", new { name = "x", kind = "daily_cost", threshold = 5, webhookUrl = longUrl }, Ct);
        Assert.True((await ProblemAsync(tooLong)).GetProperty("errors").TryGetProperty("webhookUrl", out _));

        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/alerts", new { name = "Spend", kind = "daily_cost", threshold = 5 }, Ct)).StatusCode);
        var again = await Admin.PostAsJsonAsync("/api/alerts", new { name = "Spend", kind = "p95_latency", threshold = 900 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Firings_limit_outside_1_to_500_is_a_400_naming_limit()
    {
        foreach (var limit in new[] { "0", "501", "many" })
        {
            var response = await Admin.GetAsync($"/api/alerts/firings?limit={limit}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("limit", (await ProblemAsync(response)).ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Members_cannot_see_or_change_alerts()
    {
        var member = Factory.CreateClient(await CreateKeyAsync(await CreateUserAsync("Mo"), "member"));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/alerts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/alerts", new { name = "x", kind = "daily_cost", threshold = 5 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/alerts/firings", Ct)).StatusCode);
    }

    private async Task<Guid> OpenFiringAsync(Guid ruleId, string name)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var firing = new AlertFiring
        {
            RuleId = ruleId, RuleName = name, Kind = AlertKinds.FailureRate, Threshold = 25, ObservedValue = 42.5,
            StartedAt = DateTime.UtcNow, DeliveryStatus = WebhookDelivery.Pending,
        };
        db.Add(firing);
        await db.SaveChangesAsync(Ct);
        return firing.Id;
    }
}

public sealed class AlertsApiTestsOnSqlite(PostgresServer postgres) : AlertsApiTests(Storage.Sqlite, postgres);

public sealed class AlertsApiTestsOnPostgres(PostgresServer postgres) : AlertsApiTests(Storage.Postgres, postgres);
