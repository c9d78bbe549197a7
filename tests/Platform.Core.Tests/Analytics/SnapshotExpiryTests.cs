using Platform.Core.Analytics;
using Platform.Testing;

namespace Platform.Core.Tests.Analytics;

/// <summary>A snapshot stays while it is read at least every Analytics:SnapshotSeconds, and goes when it is not.</summary>
public sealed class SnapshotExpiryTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_snapshot_read_within_SnapshotSeconds_is_kept_and_an_unread_one_expires()
    {
        var settings = new Dictionary<string, string?> { ["Analytics:SnapshotMinEvents"] = "100", ["Analytics:SnapshotSeconds"] = "1000" };
        await using var host = await AnalyticsHost.StartAsync("sqlite", postgres, settings: settings);
        var events = CraftedEvents.Of("u1", 300, seed: 31);
        await host.SeedAsync(events);
        // The host's clock is past the events, so the answer saves a snapshot of all of them.
        await host.GetAsync("u1", fresh: true);
        var snapshots = host.Service<AnalyticsSnapshots>();
        var ct = TestContext.Current.CancellationToken;

        // Read every 750 s: after 1,500 s in all, longer than SnapshotSeconds, it is still there.
        host.Time.Advance(TimeSpan.FromSeconds(750));
        Assert.NotNull(await snapshots.GetAsync("u1", ct));
        host.Time.Advance(TimeSpan.FromSeconds(750));
        Assert.NotNull(await snapshots.GetAsync("u1", ct));

        // Then not read for longer than SnapshotSeconds: gone.
        host.Time.Advance(TimeSpan.FromSeconds(1001));
        Assert.Null(await snapshots.GetAsync("u1", ct));
    }
}
