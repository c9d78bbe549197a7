using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>
/// What the gateway logs about a provider call: message contents at Trace only, and neither the provider's API key nor
/// the per-call gateway context at Information or above, when the call succeeds and when it fails.
/// </summary>
public sealed class LoggingTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    private const string ProviderKey = "sk-logging-test-5b1c9e";
    private const string Prompt = "confidential prompt 3f7a21";

    protected override IDictionary<string, string> Settings()
    {
        Fake.ApiKey = ProviderKey;
        var settings = base.Settings();
        settings["Llm:Providers:fakeopenai:ApiKey"] = ProviderKey;
        settings["Llm:Resilience:MaxRetries"] = "0";
        return settings;
    }

    [Fact]
    public async Task Message_contents_are_logged_at_trace_only_and_the_key_and_context_never_above_debug()
    {
        await using var traced = Factory.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging
            .AddFilter("Microsoft.Extensions.AI", LogLevel.Trace)
            .AddFilter("Platform", LogLevel.Trace)
            .AddFakeLogging()));
        using var client = traced.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(Ask(Prompt), client)).StatusCode);
        Fake.AlwaysFail(503, message: "overloaded");
        Assert.Equal(HttpStatusCode.BadGateway, (await ChatAsync(Ask(Prompt + " again"), client)).StatusCode);

        var records = traced.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Trace && r.Message.Contains(Prompt, StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level >= LogLevel.Warning && r.Category == "Microsoft.Extensions.AI.LoggingChatClient");
        foreach (var record in records.Where(r => r.Level >= LogLevel.Information))
        {
            var text = record.Message + " " + record.Exception;
            Assert.DoesNotContain(Prompt, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ProviderKey, text, StringComparison.Ordinal);
            // The context printed (its type name) or serialized (its property names); a stack frame naming the type is fine.
            Assert.DoesNotContain(typeof(Platform.Core.Gateway.GatewayContext).FullName!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(nameof(Platform.Core.Gateway.GatewayContext.OwnerUserId), text, StringComparison.Ordinal);
            Assert.DoesNotContain("platform.gateway", text, StringComparison.Ordinal);
        }
    }
}
