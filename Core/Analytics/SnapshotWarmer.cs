using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Core.Analytics;

/// <summary>
/// Every Analytics:SnapshotWarmSeconds, folds the users the <see cref="SnapshotWarmTally"/> says got enough new events
/// (<see cref="SnapshotWarm"/>), so that a heavy user's first uncached answer goes on from a snapshot too. One user at a
/// time, at most SnapshotWarmMaxUsers a pass: it competes with requests for the same cores and database.
/// </summary>
public sealed class SnapshotWarmer(
    SnapshotWarmTally tally, IServiceScopeFactory scopes, IServiceProviderIsService services, IOptions<AnalyticsOptions> options,
    TimeProvider time, ILogger<SnapshotWarmer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only a process that stores events (the Api) feeds the tally; elsewhere (the Worker) a timer would find nothing.
        if (options.Value.SnapshotWarmSeconds == 0 || !services.IsService(typeof(EventStore)))
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SnapshotWarmSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WarmDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass; answers how many snapshots it saved. Never throws but for cancellation.</summary>
    public async Task<int> WarmDueAsync(CancellationToken ct)
    {
        var limits = options.Value;
        // A user becomes worth a look once a snapshot could start or be replaced by their new events alone.
        var threshold = Math.Min(limits.SnapshotMinEvents, UserEventFold.NewEventsToReplace);
        var due = tally.TakeDue(threshold, limits.SnapshotWarmMaxUsers, time.GetUtcNow().UtcDateTime);
        var saved = 0;
        for (var i = 0; i < due.Count; i++)
        {
            var user = due[i];
            try
            {
                saved += await WarmAsync(user, limits, ct) ? 1 : 0;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Most likely the database is down: the rest of the pass would fail the same way, so they wait for the
                // next one. The failed user's hint is dropped, so that one user's failure cannot repeat every pass.
                logger.LogWarning(ex, "Warming the analytics snapshot of a user failed; {Left} user(s) left for the next pass", due.Count - i - 1);
                due.Skip(i + 1).ToList().ForEach(u => tally.Defer(u, default, u.Deferred));
                break;
            }
        }
        return saved;
    }

    private async Task<bool> WarmAsync(SnapshotWarmTally.Due user, AnalyticsOptions limits, CancellationToken ct)
    {
        using var activity = UserAnalyticsService.Source.StartActivity("analytics warm");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var snapshots = scope.ServiceProvider.GetRequiredService<AnalyticsSnapshots>();
        var now = time.GetUtcNow().UtcDateTime;
        var result = await new SnapshotWarm(db, snapshots, limits).RunAsync(user.UserId, now, ct);
        activity?.SetTag("analytics.warm", result.ToString());
        if (result == SnapshotWarm.Result.TooRecent && !user.Deferred)
        {
            // Once: by then the events noted so far are past the boundary, unless their clients' clocks run ahead.
            tally.Defer(user, now.AddSeconds(limits.SnapshotGraceSeconds + 1), deferred: true);
        }
        return result == SnapshotWarm.Result.Saved;
    }
}
