using Platform.Core.Data;

namespace Platform.Core.Analytics;

/// <summary>
/// Runs the engine over the events of one answer. For a user's whole history it goes on from the user's snapshot when
/// that still holds (reading only the events from its Through on), and leaves a new snapshot at the boundary
/// Analytics:SnapshotGraceSeconds before now: events stamped before it are unlikely to still arrive, and one that
/// does makes the next answer read everything once more. A session or a window is read in full, as before.
/// </summary>
internal sealed class UserEventFold(PlatformDbContext db, AnalyticsSnapshots snapshots, AnalyticsOptions options)
{
    /// <summary>A snapshot is replaced once it would cover this many more events.</summary>
    internal const int NewEventsToReplace = 1000;

    /// <param name="Source">For the trace: where the answer started from, and whether it saved a snapshot.</param>
    public sealed record Outcome(AnalyticsResult Result, bool Truncated, string Source, bool Saved);

    public async Task<Outcome> RunAsync(AnalyticsQuery query, DateTime now, CancellationToken ct)
    {
        if (query is not { SessionId: null, From: null, To: null })
        {
            return (await FoldAsync(query, null, null, "none", ct))!;
        }
        var boundary = Boundary(now);
        var snapshot = await snapshots.GetAsync(query.UserId, ct);
        if (snapshot is not null && snapshot.State.Events <= options.MaxEvents && await HoldsAsync(query.UserId, snapshot, ct)
            && await FoldAsync(query, snapshot, boundary > snapshot.Through ? boundary : snapshot.Through, "resumed", ct) is { } resumed)
        {
            return resumed;
        }
        return (await FoldAsync(query, null, boundary, snapshot is null ? "none" : "stale", ct))!;
    }

    /// <summary>
    /// Folds the query's events, after <paramref name="from"/>'s when given; null when those are more than MaxEvents
    /// in all (then only the newest count, and a full read answers). Saves a snapshot at <paramref name="boundary"/>;
    /// <paramref name="source"/> says for the trace where the answer started from.
    /// </summary>
    private async Task<Outcome?> FoldAsync(AnalyticsQuery query, AnalyticsSnapshot? from, DateTime? boundary, string source, CancellationToken ct)
    {
        var max = options.MaxEvents - (int)(from?.State.Events ?? 0);
        using var events = await UserEventReader.ReadAsync(db, from is null ? query : query with { From = from.Through }, max, ct);
        if (from is not null && events.Truncated)
        {
            return null;
        }
        var engine = from is null ? new AnalyticsEngine(options) : AnalyticsEngine.Resume(from.State, options);
        EngineState? saved = null;
        var passed = boundary is null;
        foreach (var e in events.OldestFirst())
        {
            if (!passed && e.Timestamp >= boundary)
            {
                passed = true;
                saved = SaveIfWorth(engine, from, events.Truncated);
            }
            engine.Add(e);
        }
        if (!passed)
        {
            saved = SaveIfWorth(engine, from, events.Truncated);
        }
        if (saved is not null)
        {
            await snapshots.SetAsync(query.UserId, new AnalyticsSnapshot(AnalyticsSnapshot.CurrentVersion, AnalyticsSnapshot.RulesOf(options), boundary!.Value, saved), ct);
        }
        return new Outcome(engine.Finish(options.MaxPainPointsPerType), events.Truncated, saved is null ? source : source + ", saved", saved is not null);
    }

    // Worth keeping: a complete history (a capped read misses the oldest), large enough that reading it costs, and,
    // when it replaces one, covering at least NewEventsToReplace more events, so an active user's answers do not
    // rewrite their snapshot every time.
    private EngineState? SaveIfWorth(AnalyticsEngine engine, AnalyticsSnapshot? from, bool truncated) =>
        !truncated && engine.Events >= EventsWorthSaving(from) ? engine.Save(options.MaxPainPointsPerType) : null;

    /// <summary>How many events a snapshot must cover to be saved, replacing <paramref name="from"/> when given.</summary>
    internal long EventsWorthSaving(AnalyticsSnapshot? from) =>
        Math.Max(options.SnapshotMinEvents, from is null ? 0 : from.State.Events + NewEventsToReplace);

    private async Task<bool> HoldsAsync(string userId, AnalyticsSnapshot snapshot, CancellationToken ct) =>
        await UserEventReader.CountAsync(db, new AnalyticsQuery(userId, To: snapshot.Through), ct) == snapshot.State.Events;

    // Whole milliseconds: PostgreSQL keeps microseconds and SQLite compares text, so a finer boundary could fall
    // between what the database compares and what the fold compares.
    internal DateTime Boundary(DateTime now)
    {
        var boundary = now.AddSeconds(-options.SnapshotGraceSeconds);
        return new DateTime(boundary.Ticks - boundary.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}
