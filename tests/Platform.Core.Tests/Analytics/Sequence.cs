using Platform.Core.Analytics;

namespace Platform.Core.Tests.Analytics;

/// <summary>A crafted event sequence: each event at a millisecond offset from a fixed start, in session "s1" unless told.</summary>
internal sealed class Sequence
{
    public static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly List<AnalyticsEvent> _events = [];

    public Sequence At(double ms, string type, string? component = null, double? x = null, double? y = null,
        string? message = null, double? durationMs = null, string? page = null, string? session = "s1")
    {
        _events.Add(new AnalyticsEvent(Start.AddMilliseconds(ms), type, session, component, page, message, durationMs, x, y));
        return this;
    }

    /// <summary>Taps on one component at the given offsets.</summary>
    public Sequence Taps(string component, params double[] offsets)
    {
        foreach (var ms in offsets)
        {
            At(ms, "tap", component);
        }
        return this;
    }

    public AnalyticsResult Run(AnalyticsOptions? options = null) =>
        AnalyticsEngine.Compute(_events.OrderBy(e => e.Timestamp), options ?? new AnalyticsOptions());

    /// <summary>The answer with at most <paramref name="maxPerType"/> pain points of each type, as the service asks for it.</summary>
    public AnalyticsResult Run(int maxPerType)
    {
        var engine = new AnalyticsEngine(new AnalyticsOptions());
        foreach (var e in _events.OrderBy(e => e.Timestamp))
        {
            engine.Add(e);
        }
        return engine.Finish(maxPerType);
    }

    /// <summary>Pain points as "type component reason metrics", the golden form the tests compare.</summary>
    public string[] PainPoints(AnalyticsOptions? options = null) => [.. Run(options).PainPoints.Select(Describe)];

    public static string Describe(PainPoint p) =>
        $"{p.Type} {p.ComponentId ?? "-"} {p.Reason} {{{string.Join(", ", p.Metrics.Select(m => $"{m.Key}={m.Value}"))}}}";
}
