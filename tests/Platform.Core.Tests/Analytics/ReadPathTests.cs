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
        var events = CraftedEvents.Of("u1", 3000, seed: 7);
        await host.SeedAsync([.. events, .. CraftedEvents.Of("u2", 200, seed: 8)]);

        var answer = await host.GetAsync("u1", fresh: true);

        var options = new AnalyticsOptions { MaxPainPointsPerType = 10_000, MaxKeys = 10_000 };
        var expected = AnalyticsEngine.Compute(CraftedEvents.AsRead(events), options);
        Assert.Equal(3000, answer.EventsAnalyzed);
        Assert.False(answer.Truncated);
        Assert.NotEmpty(answer.PainPoints);
        AnswerAssert.Equal(expected, answer);
    }
}
