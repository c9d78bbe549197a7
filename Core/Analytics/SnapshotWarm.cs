using Platform.Core.Data;

namespace Platform.Core.Analytics;

/// <summary>
/// Warms one user's snapshot without an answer: counts on the (user, timestamp) index decide whether a fold would save
/// one (<see cref="UserEventFold.EventsWorthSaving"/>, the fold's own rule), then the fold an uncached answer runs saves
/// it. No answer is cached.
/// </summary>
internal sealed class SnapshotWarm(PlatformDbContext db, AnalyticsSnapshots snapshots, AnalyticsOptions options)
{
    public enum Result
    {
        Saved,

        /// <summary>Too few events, or a snapshot recent enough, or more events than an answer reads (no snapshot then).</summary>
        NotWorth,

        /// <summary>Enough events, but too many of them stamped inside the grace period: worth trying once they are past it.</summary>
        TooRecent,
    }

    public async Task<Result> RunAsync(string userId, DateTime now, CancellationToken ct)
    {
        var fold = new UserEventFold(db, snapshots, options);
        var all = new AnalyticsQuery(userId);
        var snapshot = await snapshots.GetAsync(userId, ct);
        var needed = fold.EventsWorthSaving(snapshot);
        var count = await UserEventReader.CountAsync(db, all, ct);
        if (count < needed || count > options.MaxEvents)
        {
            return Result.NotWorth;
        }
        // The fold saves only the events stamped before the boundary: ones ingested just now may all be after it.
        if (await UserEventReader.CountAsync(db, all with { To = fold.Boundary(now) }, ct) < needed)
        {
            return Result.TooRecent;
        }
        var outcome = await fold.RunAsync(all, now, ct);
        return outcome.Saved ? Result.Saved : Result.NotWorth;
    }
}
