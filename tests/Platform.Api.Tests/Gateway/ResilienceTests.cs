using System.Net;
using System.Text.Json;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

public sealed class ResilienceTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    [Fact]
    public async Task A_503_then_a_200_is_retried_and_succeeds()
    {
        Fake.Enqueue(FakeFault.Status(503));
        var response = await ChatAsync(Ask("retry me"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Contains("retry me", body.GetProperty("content").GetString());
        Assert.Equal(2, Fake.RequestCount);
        var record = await InteractionAsync(body.GetProperty("interactionId").GetGuid());
        Assert.Equal(2, record.Attempts);
        Assert.Equal("completed", record.Status);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried()
    {
        Fake.Enqueue(FakeFault.Status(429, retryAfterSeconds: 0));
        var response = await ChatAsync(Ask("rate limited once"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Fake.RequestCount);
    }

    [Fact]
    public async Task A_400_from_the_provider_is_not_retried_and_its_message_is_passed_on()
    {
        Fake.Enqueue(FakeFault.Status(400, message: "max_tokens is too large"));
        var response = await ChatAsync(Ask("bad"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("max_tokens is too large", (await JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(1, Fake.RequestCount);
    }

    [Fact]
    public async Task A_provider_rejecting_our_key_is_a_502_naming_the_provider()
    {
        Fake.Enqueue(FakeFault.Status(401));
        var response = await ChatAsync(Ask("who am i"));
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("fakeopenai", (await JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(1, Fake.RequestCount);
    }

    [Fact]
    public async Task The_breaker_opens_after_failures_then_fails_fast_with_503_until_reset()
    {
        Fake.AlwaysFail(503);
        Assert.Equal(HttpStatusCode.BadGateway, (await ChatAsync(Ask("one", model: "gpt-4o-mini"))).StatusCode);
        var reached = Fake.RequestCount;
        Assert.Equal(3, reached);

        var fastFail = await ChatAsync(Ask("two", model: "gpt-4o-mini"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fastFail.StatusCode);
        Assert.NotNull(fastFail.Headers.RetryAfter);
        Assert.Equal(reached, Fake.RequestCount);
        Assert.Equal("open", await CircuitStateAsync("fakeopenai"));

        Fake.Heal();
        var reset = await Admin.PostAsync("/api/llm/providers/fakeopenai/circuit-breaker/reset", null, Ct);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("closed", (await JsonAsync(reset)).GetProperty("circuitState").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(Ask("three", model: "gpt-4o-mini"))).StatusCode);
        Assert.Equal(reached + 1, Fake.RequestCount);
    }

    [Fact]
    public async Task A_failing_model_falls_back_along_its_chain_to_another_provider()
    {
        Fake.AlwaysFail(503, api: FakeLlmApi.OpenAIChat);
        var response = await ChatAsync(Ask("fall back", model: "gpt-4o"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("fakeanthropic", body.GetProperty("provider").GetString());
        Assert.Contains(Fake.Requests, r => r.Api == FakeLlmApi.AnthropicMessages);
    }

    [Fact]
    public async Task Resetting_an_unknown_provider_is_404_and_needs_an_admin_key()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync("/api/llm/providers/nope/circuit-breaker/reset", null, Ct)).StatusCode);
    }

    private async Task<string?> CircuitStateAsync(string provider)
    {
        var providers = await JsonAsync(await Admin.GetAsync("/api/llm/providers", Ct));
        return providers.EnumerateArray().Single(p => p.GetProperty("name").GetString() == provider).GetProperty("circuitState").GetString();
    }
}
