using System.Text.Json;
using Platform.Core.Analytics;
using Platform.Core.Events;
using Platform.Testing;

namespace Platform.Core.Tests.Analytics;

/// <summary>
/// The service's read (SQLite's own column API, Npgsql's reader, the pooled event list, the newest-first read handed to
/// the engine oldest first) against the engine fed the same events in memory: one answer, on both providers.
/// </summary>
public sealed class ReadPathTests(PostgresServer postgres)
{
    private static readonly string[] Types = ["pageview", "tap", "tap", "click", "scroll", "input", "submit", "success", "error", "dwell", "pageleave", "custom-thing"];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_database_answer_equals_the_engine_over_the_same_events_in_memory(string storage)
    {
        if (storage == "postgres")
        {
            postgres.EnsureAvailable();
        }
        var settings = new Dictionary<string, string?> { ["Analytics:MaxPainPointsPerType"] = "10000", ["Analytics:MaxKeys"] = "10000" };
        await using var host = await AnalyticsHost.StartAsync(storage, postgres, settings: settings);
        // More events than the pooled list's first array, texts beyond ASCII, nulls in every nullable column.
        var events = Crafted("u1", 3000, seed: 7);
        await host.SeedAsync([.. events, .. Crafted("u2", 200, seed: 8)]);

        var answer = await host.GetAsync("u1", fresh: true);

        var options = new AnalyticsOptions { MaxPainPointsPerType = 10_000, MaxKeys = 10_000 };
        var expected = AnalyticsEngine.Compute(events.OrderBy(e => e.Timestamp).Select(e => new AnalyticsEvent(
            e.Timestamp, e.EventType, e.SessionId, e.ComponentId, e.Page ?? e.PageUrl, e.EventType == "error" ? e.Message : null,
            e.DurationMs, e.X, e.Y)), options);
        Assert.Equal(3000, answer.EventsAnalyzed);
        Assert.False(answer.Truncated);
        Assert.NotEmpty(answer.PainPoints);
        Assert.Equal(Json(expected.EventTypeDistribution), Json(answer.EventTypeDistribution));
        Assert.Equal(expected.ErrorRate, answer.ErrorRate);
        Assert.Equal(Json(expected.Hotspots), Json(answer.Hotspots));
        Assert.Equal(Json(expected.ComponentUsage), Json(answer.ComponentUsage));
        Assert.Equal(Json(expected.PainPoints), Json(answer.PainPoints));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    /// <summary>Events one to a few hundred milliseconds apart (distinct timestamps, so the order is the same everywhere).</summary>
    private static List<ProductEvent> Crafted(string userId, int count, int seed)
    {
        var random = new Random(seed);
        var at = AnalyticsHost.Start;
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
}
