using Microsoft.Extensions.Options;
using Platform.Core.Analytics;
using Platform.Core.Events;
using Platform.Testing;

namespace Platform.Core.Tests.Analytics;

/// <summary>
/// Snapshots warmed from ingestion: events stored through the real writer leave a snapshot without any analytics
/// request, the next uncached answer goes on from it and equals the engine over every event; the tally stays bounded.
/// </summary>
public sealed class SnapshotWarmTests(PostgresServer postgres)
{
    private static readonly AnalyticsOptions Capped = new() { MaxPainPointsPerType = 5, MaxKeys = 10_000 };

    // A warm interval of an hour leaves the passes to the test itself.
    private static Dictionary<string, string?> Settings(int graceSeconds, int warmSeconds) => new()
    {
        ["Analytics:MaxPainPointsPerType"] = "5",
        ["Analytics:MaxKeys"] = "10000",
        ["Analytics:SnapshotMinEvents"] = "100",
        ["Analytics:SnapshotWarmSeconds"] = warmSeconds.ToString(),
        ["Analytics:SnapshotGraceSeconds"] = graceSeconds.ToString(),
    };

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Ingested_events_leave_a_snapshot_that_the_next_uncached_answer_resumes_from(string storage)
    {
        if (storage == "postgres")
        {
            postgres.EnsureAvailable();
        }
        await using var host = await WarmHost.StartAsync(storage, postgres, Settings(graceSeconds: 300, warmSeconds: 3600));
        var now = DateTime.UtcNow;
        var old = CraftedEvents.Of("w1", 300, seed: 31, start: now.AddDays(-3));
        // Inside the grace period: the snapshot stops before them and the answer reads them.
        var recent = Restamped(CraftedEvents.Of("w1", 30, seed: 32), now.AddSeconds(-120));
        await host.IngestAsync([.. old, .. CraftedEvents.Of("other", 50, seed: 33, start: now.AddDays(-3)), .. recent]);
        // The pass once everything is stored: one taken while the writer is halfway would cover part of the events.
        await host.StoredAsync(380);

        Assert.Equal(1, await host.Service<SnapshotWarmer>().WarmDueAsync(TestContext.Current.CancellationToken));
        var snapshot = await host.SnapshotAsync("w1");

        Assert.Equal(300, snapshot.State.Events);
        Assert.InRange(snapshot.Through, old[^1].Timestamp, recent[0].Timestamp);
        Assert.False((await host.GetAsync("w1")).Cached);
        var resumed = await host.FoldAsync("w1");
        Assert.StartsWith("resumed", resumed.Source);
        AnswerAssert.Equal(Expected([.. old, .. recent]), await host.GetAsync("w1", fresh: true));
    }

    // The warmer's own timer: its first pass finds the events too recent and puts the user back until they are past the
    // grace period (a pass between two batches of the writer would do the same), a later one saves the snapshot.
    [Fact]
    public async Task Events_ingested_inside_the_grace_period_are_warmed_once_they_are_past_it()
    {
        await using var host = await WarmHost.StartAsync("sqlite", postgres, Settings(graceSeconds: 3, warmSeconds: 1));
        var events = Restamped(CraftedEvents.Of("w2", 150, seed: 34), DateTime.UtcNow.AddMilliseconds(-150));

        await host.IngestAsync(events);
        var snapshot = await host.SnapshotAsync("w2");

        Assert.Equal(150, snapshot.State.Events);
        Assert.Equal("resumed", (await host.FoldAsync("w2")).Source);
        AnswerAssert.Equal(Expected(events), await host.GetAsync("w2", fresh: true));
    }

    [Fact]
    public async Task A_failing_database_costs_warnings_not_the_warmer_and_the_pass_leaves_the_rest_for_later()
    {
        // No migration: every count fails (no such table), as with the database down.
        await using var host = await WarmHost.StartAsync("sqlite", postgres, Settings(graceSeconds: 300, warmSeconds: 3600), migrate: false);
        var tally = host.Service<SnapshotWarmTally>();
        var warmer = host.Service<SnapshotWarmer>();
        foreach (var user in new[] { "a", "b", "c" })
        {
            tally.Note(user, 500);
        }

        Assert.Equal(0, await warmer.WarmDueAsync(TestContext.Current.CancellationToken));

        // The failed user's hint is dropped, the other two wait for the next pass.
        Assert.Equal(2, tally.Count);
        Assert.False(warmer.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public void The_tally_holds_at_most_MaxUsers_and_a_flood_of_small_users_makes_way_at_the_next_pass()
    {
        var tally = new SnapshotWarmTally(Options.Create(new AnalyticsOptions()));
        var now = DateTime.UtcNow;
        for (var i = 0; i < 2 * SnapshotWarmTally.MaxUsers; i++)
        {
            tally.Note([new ProductEvent { UserId = $"flood-{i}", EventType = "tap" }]);
        }
        tally.Note("heavy", 5000);

        Assert.Equal(SnapshotWarmTally.MaxUsers, tally.Count);
        Assert.Equal(SnapshotWarmTally.MaxUsers + 1, tally.Dropped);
        Assert.Empty(tally.TakeDue(threshold: 1000, max: 10, now));
        Assert.Equal(0, tally.Count);

        // Full with the busy user in it: the pass takes that one and still makes way.
        for (var i = 0; i < SnapshotWarmTally.MaxUsers - 1; i++)
        {
            tally.Note($"again-{i}", 1);
        }
        tally.Note("heavy", 5000);
        Assert.Equal("heavy", Assert.Single(tally.TakeDue(threshold: 1000, max: 10, now)).UserId);
        Assert.Equal(0, tally.Count);
    }

    [Fact]
    public void A_batch_counts_each_users_events_and_a_pass_takes_the_busiest_first()
    {
        var tally = new SnapshotWarmTally(Options.Create(new AnalyticsOptions()));
        tally.Note([.. new[] { "a", "a", "b", "a", "c", "c" }.Select(u => new ProductEvent { UserId = u, EventType = "tap" })]);

        var due = tally.TakeDue(threshold: 2, max: 10, DateTime.UtcNow);

        Assert.Equal([("a", 3L), ("c", 2L)], due.Select(u => (u.UserId, u.NewEvents)));
        Assert.Equal(1, tally.Count);
    }

    private static List<ProductEvent> Restamped(List<ProductEvent> events, DateTime start)
    {
        for (var i = 0; i < events.Count; i++)
        {
            events[i].Timestamp = events[i].ReceivedAt = start.AddMilliseconds(i);
        }
        return events;
    }

    private static AnalyticsResult Expected(IEnumerable<ProductEvent> events) => CraftedEvents.Fold(events, Capped);
}
