using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Core.Gateway.Pipeline;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>Spans and metrics follow the OpenTelemetry GenAI conventions (checked with in-process listeners).</summary>
public sealed class TelemetryTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    [Fact]
    public async Task A_chat_call_emits_a_genai_span_and_token_and_duration_metrics()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetryChatClient.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? TokenType)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TelemetryChatClient.SourceName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, TokenType(tags))));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, TokenType(tags))));
        meters.Start();

        var body = await JsonAsync(await ChatAsync(Ask("trace me", model: "gpt-4o-mini")));
        var id = body.GetProperty("interactionId").GetString();

        var span = Assert.Single(spans, s => (string?)s.GetTagItem("platform.interaction_id") == id);
        Assert.Equal("chat gpt-4o-mini", span.DisplayName);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("fakeopenai", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("gpt-4o-mini", span.GetTagItem("gen_ai.request.model"));
        Assert.Equal("gpt-4o-mini", span.GetTagItem("gen_ai.response.model"));
        Assert.Equal(body.GetProperty("usage").GetProperty("inputTokens").GetInt64(), span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(body.GetProperty("usage").GetProperty("outputTokens").GetInt64(), span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(new[] { "stop" }, span.GetTagItem("gen_ai.response.finish_reasons"));

        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.token.usage" && m.TokenType == "input");
        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.token.usage" && m.TokenType == "output");
        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.operation.duration" && m.Value > 0);
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
}
