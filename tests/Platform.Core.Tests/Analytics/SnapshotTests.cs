using System.Text.Json;
using Platform.Core.Analytics;
using Platform.Testing;

namespace Platform.Core.Tests.Analytics;

/// <summary>
/// The engine's saved state, and the snapshots built on it: an answer that goes on from a snapshot equals the answer
/// over every event, and a late event (stamped before the snapshot's boundary) makes the answer read everything again.
/// </summary>
public sealed class SnapshotTests(PostgresServer postgres)
{
    private static readonly AnalyticsOptions Everything = new() { MaxPainPointsPerType = 10_000, MaxKeys = 10_000 };

    // Few pain points per type, so that the snapshot keeps only some of the found ones.
    private static readonly AnalyticsOptions Capped = new() { MaxPainPointsPerType = 5, MaxKeys = 10_000 };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(333)]
    [InlineData(1499)]
    [InlineData(1500)]
    public void Resuming_a_saved_state_after_any_event_gives_the_one_pass_answer(int split)
    {
        var events = CraftedEvents.AsRead(CraftedEvents.Of("u", 1500, seed: 11)).ToList();
        var expected = AnalyticsEngine.Compute(events, Everything);
        var first = new AnalyticsEngine(Everything);
        events.Take(split).ToList().ForEach(e => first.Add(e));

        var saved = first.Save();
        // Folding on and finishing must leave the saved copy as it was.
        events.Skip(split).ToList().ForEach(e => first.Add(e));
        first.Finish();
        var stored = SnapshotCodec.Encode(new AnalyticsSnapshot(AnalyticsSnapshot.CurrentVersion, "rules", Sequence.Start, saved));
        var resumed = AnalyticsEngine.Resume(SnapshotCodec.Decode(stored)!.State, Everything);
        events.Skip(split).ToList().ForEach(e => resumed.Add(e));

        Assert.Equal(Json(expected), Json(resumed.Finish()));
    }

    [Fact]
    public void Damaged_snapshot_bytes_read_as_no_snapshot()
    {
        var engine = new AnalyticsEngine(Everything);
        CraftedEvents.AsRead(CraftedEvents.Of("u", 300, seed: 12)).ToList().ForEach(e => engine.Add(e));
        var bytes = SnapshotCodec.Encode(new AnalyticsSnapshot(AnalyticsSnapshot.CurrentVersion, "rules", Sequence.Start, engine.Save()));
        Assert.NotNull(SnapshotCodec.Decode(bytes));

        foreach (var length in new[] { 0, 3, bytes.Length / 2, bytes.Length - 1 })
        {
            Assert.Null(SnapshotCodec.Decode(bytes[..length]));
        }
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var garbage = (byte[])bytes.Clone();
            garbage[4 + random.Next(garbage.Length - 4)] ^= (byte)(1 + random.Next(255));
            // A flipped byte either still reads (a changed count or time) or reads as absent; it never throws.
            _ = SnapshotCodec.Decode(garbage);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_uncached_answer_goes_on_from_the_snapshot_until_a_late_event_arrives(string storage)
    {
        if (storage == "postgres")
        {
            postgres.EnsureAvailable();
        }
        var settings = new Dictionary<string, string?>
        {
            ["Analytics:MaxPainPointsPerType"] = "5", ["Analytics:MaxKeys"] = "10000", ["Analytics:SnapshotMinEvents"] = "100",
        };
        await using var host = await AnalyticsHost.StartAsync(storage, postgres, settings: settings);
        var old = CraftedEvents.Of("u1", 2000, seed: 21);
        await host.SeedAsync([.. old, .. CraftedEvents.Of("u2", 300, seed: 22)]);
        host.Time.SetUtcNow(old[^1].Timestamp.AddHours(1));

        var full = await host.GetAsync("u1", fresh: true);
        var snapshots = host.Service<AnalyticsSnapshots>();
        var snapshot = await snapshots.GetAsync("u1", TestContext.Current.CancellationToken);
        Assert.NotNull(snapshot);
        Assert.Equal((2000, host.Time.GetUtcNow().UtcDateTime.AddMinutes(-5)), (snapshot.State.Events, snapshot.Through));
        AnswerAssert.Equal(Expected(old), full);

        // A pain point planted in the snapshot shows that the next answer started from it, not from the events.
        var planted = new FindingState(PainPointTypes.LongDwell, "planted", "planted in the snapshot", new() { ["dwellMs"] = 1 }, long.MaxValue, snapshot.Through);
        await snapshots.SetAsync("u1", snapshot with { State = snapshot.State with { Found = [.. snapshot.State.Found, planted] } }, TestContext.Current.CancellationToken);
        var recent = CraftedEvents.Of("u1", 40, seed: 23, start: snapshot.Through.AddSeconds(1));
        await host.SeedAsync(recent);
        var resumed = await host.GetAsync("u1", fresh: true);
        Assert.Equal(2040, resumed.EventsAnalyzed);
        // The planted one, the most severe, leads its type and pushes the fifth long dwell out of the answer.
        var expected = Expected([.. old, .. recent]);
        var dwells = expected.PainPoints.Where(p => p.Type == PainPointTypes.LongDwell).ToList();
        Assert.Equal(5, dwells.Count);
        Assert.Equal("planted", resumed.PainPoints.First(p => p.Type == PainPointTypes.LongDwell).ComponentId);
        AnswerAssert.Equal(expected with { PainPoints = [.. expected.PainPoints.Where(p => p != dwells[^1])] },
            resumed with { PainPoints = [.. resumed.PainPoints.Where(p => p.ComponentId != "planted")] });

        // Stamped before the boundary but arriving now: the count before the boundary changes, so everything is read again.
        var late = CraftedEvents.Of("u1", 5, seed: 24, start: old[0].Timestamp.AddDays(-1));
        await host.SeedAsync(late);
        var reread = await host.GetAsync("u1", fresh: true);
        AnswerAssert.Equal(Expected([.. old, .. recent, .. late]), reread);
        Assert.DoesNotContain(reread.PainPoints, p => p.ComponentId == "planted");
    }

    private static AnalyticsResult Expected(IEnumerable<Platform.Core.Events.ProductEvent> events) => CraftedEvents.Fold(events, Capped);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
