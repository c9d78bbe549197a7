using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Core.Gateway.Pipeline;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>
/// Spans and metrics follow the OpenTelemetry GenAI conventions (Microsoft.Extensions.AI's OpenTelemetryChatClient on the
/// provider's client), under the gateway's own span that carries the platform's attributes.
/// </summary>
public sealed class TelemetryTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    private const string Source = GatewaySpanChatClient.SourceName;

    [Fact]
    public async Task A_chat_call_emits_a_genai_span_and_token_and_duration_metrics()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = Listen(spans);
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? TokenType)>();
        using var meters = ListenToMeters(measurements);

        var body = await JsonAsync(await ChatAsync(Ask("trace me", model: "gpt-4o-mini")));
        var id = body.GetProperty("interactionId").GetString();

        var gateway = Assert.Single(spans, s => (string?)s.GetTagItem("platform.interaction_id") == id);
        Assert.Equal(false, gateway.GetTagItem("platform.cache_hit"));
        Assert.Equal(1, gateway.GetTagItem("platform.attempts"));
        var span = Assert.Single(spans, s => s.ParentSpanId == gateway.SpanId);
        Assert.Equal("chat gpt-4o-mini", span.DisplayName);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("fakeopenai", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("gpt-4o-mini", span.GetTagItem("gen_ai.request.model"));
        Assert.Equal("gpt-4o-mini", span.GetTagItem("gen_ai.response.model"));
        Assert.Equal(body.GetProperty("usage").GetProperty("inputTokens").GetInt32(), span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(body.GetProperty("usage").GetProperty("outputTokens").GetInt32(), span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal("""["stop"]""", span.GetTagItem("gen_ai.response.finish_reasons"));

        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.token.usage" && m.TokenType == "input");
        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.token.usage" && m.TokenType == "output");
        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.operation.duration" && m.Value > 0);
    }

    [Fact]
    public async Task A_cache_hit_is_one_gateway_span_flagged_as_a_hit_with_no_provider_call()
    {
        await ChatAsync(Ask("trace the cache", useCache: true));
        var spans = new ConcurrentBag<Activity>();
        using var listener = Listen(spans);

        var body = await JsonAsync(await ChatAsync(Ask("trace the cache", useCache: true)));
        var id = body.GetProperty("interactionId").GetString();

        var gateway = Assert.Single(spans, s => (string?)s.GetTagItem("platform.interaction_id") == id);
        Assert.Equal(true, gateway.GetTagItem("platform.cache_hit"));
        Assert.Equal(0, gateway.GetTagItem("platform.attempts"));
        Assert.DoesNotContain(spans, s => s.ParentSpanId == gateway.SpanId);
    }

    // Not MetricCollector: it follows the first instrument of that name, and the library gives every provider client
    // its own meter (several factories run side by side here, each with several providers).
    private static MeterListener ListenToMeters(ConcurrentBag<(string Instrument, double Value, string? TokenType)> measurements)
    {
        var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Source)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Add((i.Name, v, TokenType(tags))));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, TokenType(tags))));
        meters.Start();
        return meters;
    }

    private static string? TokenType(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "gen_ai.token.type")
            {
                return tag.Value as string;
            }
        }
        return null;
    }

    private static ActivityListener Listen(ConcurrentBag<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
