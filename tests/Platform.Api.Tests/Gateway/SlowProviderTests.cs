using System.Net;
using System.Net.Http.Json;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>A provider slower than its per-attempt timeout answers 504, also once its circuit has opened.</summary>
public sealed class SlowProviderTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    protected override IDictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Llm:Providers:fakeopenai:TimeoutSeconds"] = "1";
        return settings;
    }

    [Fact]
    public async Task A_provider_slower_than_its_timeout_answers_504_on_the_api_and_on_v1()
    {
        Fake.Always(FakeFault.Delay(TimeSpan.FromSeconds(30)));

        var first = await ChatAsync(Ask("slow", model: "gpt-4o-mini"));
        Assert.Equal(HttpStatusCode.GatewayTimeout, first.StatusCode);
        Assert.Equal("Provider timeout", (await ApiTestBase.ProblemAsync(first)).GetProperty("title").GetString());

        // By now the model's circuit is open: the refusal still says timeout, with when to come back.
        var second = await ChatAsync(Ask("slow again", model: "gpt-4o-mini"));
        Assert.Equal(HttpStatusCode.GatewayTimeout, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);

        var openAi = await Admin.PostAsJsonAsync("/v1/chat/completions",
            new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = "slow v1" } } }, Ct);
        Assert.Equal(HttpStatusCode.GatewayTimeout, openAi.StatusCode);
        var error = (await ApiTestBase.ProblemAsync(openAi)).GetProperty("error");
        Assert.Contains("did not answer within 1 s", error.GetProperty("message").GetString());
    }
}
