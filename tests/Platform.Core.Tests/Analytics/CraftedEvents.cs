using Platform.Core.Analytics;
using Platform.Core.Events;

namespace Platform.Core.Tests.Analytics;

/// <summary>A seeded mix of every event type, with texts beyond ASCII and nulls in every nullable column.</summary>
internal static class CraftedEvents
{
    private static readonly string[] Types = ["pageview", "tap", "tap", "click", "scroll", "input", "submit", "success", "error", "dwell", "pageleave", "custom-thing"];

    /// <summary>Events one to a few hundred milliseconds apart (distinct timestamps, so the order is the same everywhere).</summary>
    public static List<ProductEvent> Of(string userId, int count, int seed, DateTime? start = null)
    {
        var random = new Random(seed);
        var at = start ?? AnalyticsHost.Start;
        var events = new List<ProductEvent>(count);
        for (var i = 0; i < count; i++)
        {
            at = at.AddMilliseconds(random.Next(4) == 0 ? random.Next(1, 300) : random.Next(1000, 200_000));
            var type = Types[random.Next(Types.Length)];
            var tap = type is "tap" or "click";
            events.Add(new ProductEvent
            {
                UserId = userId,
                SessionId = random.Next(10) == 0 ? null : $"s{i / 150}",
                EventType = type,
                ComponentId = random.Next(8) == 0 ? null : $"комп-{random.Next(12)}-✓",
                Page = random.Next(3) == 0 ? null : $"/page/{random.Next(5)}",
                PageUrl = random.Next(2) == 0 ? null : $"https://example.test/p/{random.Next(5)}",
                Message = random.Next(3) == 0 ? null : $"Fehler «{random.Next(4)}»",
                DurationMs = type == "dwell" && random.Next(5) > 0 ? random.Next(1000, 300_000) : null,
                X = tap && random.Next(4) > 0 ? random.Next(100) : null,
                Y = tap && random.Next(4) > 0 ? random.Next(100) : null,
                Timestamp = at,
                ReceivedAt = at,
            });
        }
        return events;
    }

    /// <summary>The events as the reader hands them to the engine: oldest first, the columns it projects.</summary>
    public static IEnumerable<AnalyticsEvent> AsRead(IEnumerable<ProductEvent> events) => events.OrderBy(e => e.Timestamp).Select(e => new AnalyticsEvent(
        e.Timestamp, e.EventType, e.SessionId, e.ComponentId, e.Page ?? e.PageUrl, e.EventType == "error" ? e.Message : null, e.DurationMs, e.X, e.Y));

    /// <summary>The engine's result over the events in memory: what an answer over them must equal.</summary>
    public static AnalyticsResult Fold(IEnumerable<ProductEvent> events, AnalyticsOptions options)
    {
        var engine = new AnalyticsEngine(options);
        foreach (var e in AsRead(events))
        {
            engine.Add(e);
        }
        return engine.Finish(options.MaxPainPointsPerType);
    }
}
