using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>Circuit breakers are per provider and model: one failing model leaves its siblings alone.</summary>
public sealed class DeploymentCircuitTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    [Fact]
    public async Task A_failing_model_opens_its_own_circuit_while_its_sibling_on_the_same_provider_keeps_answering()
    {
        Fake.AlwaysFor("gpt-4o-mini", FakeFault.Status(503));
        Assert.Equal(HttpStatusCode.BadGateway, (await ChatAsync(Ask("one", model: "gpt-4o-mini"))).StatusCode);
        var refused = await ChatAsync(Ask("two", model: "gpt-4o-mini"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        for (var i = 0; i < 10; i++)
        {
            var healthy = await ChatAsync(Ask($"sibling {i}", model: "gpt-4o"));
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.Equal("fakeopenai", (await JsonAsync(healthy)).GetProperty("provider").GetString());
        }

        var circuits = await CircuitsAsync("fakeopenai");
        Assert.Equal("open", circuits["gpt-4o-mini"]);
        Assert.Equal("closed", circuits["gpt-4o"]);
    }

    [Fact]
    public async Task Resetting_one_model_closes_its_circuit_only()
    {
        Fake.Always(FakeFault.Status(503), FakeLlmApi.OpenAIChat);
        await ChatAsync(Ask("a", model: "gpt-4o-mini"));
        Fake.Heal();
        Fake.Always(FakeFault.Status(503), FakeLlmApi.AnthropicMessages);
        Fake.AlwaysFor("gpt-4o", FakeFault.Status(503));
        await ChatAsync(Ask("b", model: "gpt-4o"));
        Assert.Equal("open", (await CircuitsAsync("fakeopenai"))["gpt-4o"]);
        Assert.Equal("open", (await CircuitsAsync("fakeopenai"))["gpt-4o-mini"]);

        Fake.Heal();
        var reset = await Admin.PostAsync("/api/llm/providers/fakeopenai/models/gpt-4o-mini/circuit-breaker/reset", null, Ct);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var body = await JsonAsync(reset);
        Assert.Equal("gpt-4o-mini", body.GetProperty("model").GetString());
        Assert.Equal("closed", body.GetProperty("circuitState").GetString());

        var circuits = await CircuitsAsync("fakeopenai");
        Assert.Equal("closed", circuits["gpt-4o-mini"]);
        Assert.Equal("open", circuits["gpt-4o"]);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(Ask("c", model: "gpt-4o-mini"))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync("/api/llm/providers/fakeopenai/circuit-breaker/reset", null, Ct)).StatusCode);
        Assert.All((await CircuitsAsync("fakeopenai")).Values, state => Assert.Equal("closed", state));
    }

    [Fact]
    public async Task Resetting_a_model_without_a_circuit_is_404_and_needs_an_admin_key()
    {
        var unknown = await Admin.PostAsync("/api/llm/providers/fakeopenai/models/nope/circuit-breaker/reset", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("gpt-4o-mini", (await ApiTestBase.ProblemAsync(unknown)).GetProperty("detail").GetString());

        var user = await (await Admin.PostAsJsonAsync("/api/users", new { name = "m", email = $"m-{Guid.NewGuid():N}@example.com", role = "member" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        var key = await (await Admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id")}/keys", new { name = "k", scope = "member" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var member = Factory.CreateClient(key.GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await member.PostAsync("/api/llm/providers/fakeopenai/models/gpt-4o/circuit-breaker/reset", null, Ct)).StatusCode);
    }

    private async Task<Dictionary<string, string?>> CircuitsAsync(string provider)
    {
        var providers = await JsonAsync(await Admin.GetAsync("/api/llm/providers", Ct));
        return providers.EnumerateArray().Single(p => p.GetProperty("name").GetString() == provider)
            .GetProperty("circuits").EnumerateArray()
            .ToDictionary(c => c.GetProperty("model").GetString()!, c => c.GetProperty("circuitState").GetString());
    }
}
