using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Jobs;

/// <summary>
/// The jobs table's state machine. A worker's writes are guarded by its lease (status running and lease_owner = its
/// id), so a worker that lost its lease can no longer change the job; each returns whether it applied.
/// <c>workerId</c> must be unique per running worker (host, process and a random part, say).
/// </summary>
public sealed partial class JobStore(PlatformDbContext db, DatabaseInfo database, TimeProvider time)
{
    /// <summary>PostgreSQL channel notified on every insert into jobs (a trigger), for idle workers to LISTEN on.</summary>
    public const string NotificationChannel = "platform_jobs";

    private const int SmallClaim = 8;
    private static readonly string PostgresClaimSql = "SET LOCAL enable_bitmapscan = off;\n" + JobClaimSql.For(DatabaseProvider.PostgreSql);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Claims up to <paramref name="max"/> jobs: queued and due, or running with an expired lease (the worker died;
    /// reclaimed while attempts &lt; max_attempts, see <see cref="SweepAbandonedAsync"/> for the rest). High priority
    /// first, then by due time. Each claim is an attempt: attempts + 1. Never hands one job to two workers at once.
    /// </summary>
    public async Task<IReadOnlyList<Job>> ClaimAsync(string workerId, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var now = Now;
        List<Job> claimed;
        if (database.Provider == DatabaseProvider.PostgreSql && max > SmallClaim)
        {
            // On a jobs table never analyzed (or analyzed while nearly empty) the planner expects ~10 due rows: for a
            // larger limit it bitmap-scans and sorts the whole backlog on every claim (30 ms per claim of 128 with 100k
            // queued, bench `jobs`) instead of walking the claim index in order to the limit (3 ms). SET LOCAL needs a
            // transaction, which costs a round trip (the COMMIT): small claims, planned well anyway, skip it.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            claimed = await Claim(PostgresClaimSql).ToListAsync(cancellationToken);
            // Not cancellable: the claim has run and its jobs will be started; a COMMIT cut short is logged as an error.
            await transaction.CommitAsync(CancellationToken.None);
        }
        else
        {
            claimed = await Claim(JobClaimSql.For(database.Provider)).ToListAsync(cancellationToken);
        }
        // RETURNING comes back in no particular order.
        return claimed.OrderBy(j => j.PriorityRank).ThenBy(j => j.RunAt).ToList();

        IQueryable<Job> Claim(string sql) => db.Jobs.FromSqlRaw(sql, now, workerId, now + lease, max).AsNoTracking();
    }

    /// <summary>The heartbeat. Extends the lease while this worker holds it, and says whether a cancel was requested.</summary>
    public async Task<LeaseRenewal> RenewLeaseAsync(Guid jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var renewed = await Leased(jobId, workerId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.LeaseExpiresAt, now + lease).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (renewed == 0)
        {
            return LeaseRenewal.Lost;
        }
        var cancel = await db.Jobs.Where(j => j.Id == jobId).Select(j => j.CancelRequested).FirstAsync(cancellationToken);
        return cancel ? LeaseRenewal.CancelRequested : LeaseRenewal.Renewed;
    }

    public Task<bool> UpdateProgressAsync(Guid jobId, string workerId, int progress, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var value = Math.Clamp(progress, 0, 100);
        return Applied(Leased(jobId, workerId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Progress, value).SetProperty(j => j.UpdatedAt, now), cancellationToken));
    }

    public Task<bool> CompleteAsync(Guid jobId, string workerId, string? resultJson, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return Applied(Leased(jobId, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Succeeded).SetProperty(j => j.ResultJson, resultJson)
            .SetProperty(j => j.Error, (string?)null).SetProperty(j => j.Progress, 100)
            .ClearLease()
            .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken));
    }

    /// <summary>
    /// Ends a failed attempt. With <paramref name="retryAt"/> the job is queued again for then (attempts kept, see
    /// <see cref="Backoff.RetryAt"/>); without, it is failed for good. The error is kept either way.
    /// </summary>
    public Task<bool> FailAsync(Guid jobId, string workerId, string error, DateTime? retryAt, CancellationToken cancellationToken = default)
    {
        var now = Now;
        // Errors carry provider messages, which may hold text PostgreSQL cannot store.
        error = StorableText.Clean(error);
        var leased = Leased(jobId, workerId);
        var update = retryAt is { } at
            ? leased.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.Error, error)
                .SetProperty(j => j.RunAt, at).SetProperty(j => j.NextAttemptAt, at)
                .ClearLease()
                .SetProperty(j => j.UpdatedAt, now), cancellationToken)
            : leased.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.Error, error)
                .SetProperty(j => j.NextAttemptAt, (DateTime?)null)
                .ClearLease()
                .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        return Applied(update);
    }

    /// <summary>
    /// Graceful stop: the job goes back to the queue at once, keeping its place (run_at), and the attempt is given
    /// back (attempts - 1) because it did not fail.
    /// </summary>
    public Task<bool> ReleaseAsync(Guid jobId, string workerId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return Applied(Leased(jobId, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Queued)
            .SetProperty(j => j.Attempts, j => j.Attempts > 0 ? j.Attempts - 1 : 0)
            .SetProperty(j => j.StartedAt, j => j.Attempts <= 1 ? null : j.StartedAt)
            .ClearLease()
            .SetProperty(j => j.UpdatedAt, now), cancellationToken));
    }

    /// <summary>The worker stopped a running job after a cancel request (<see cref="LeaseRenewal.CancelRequested"/>).</summary>
    public Task<bool> AcknowledgeCancelAsync(Guid jobId, string workerId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return Applied(Leased(jobId, workerId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Cancelled)
            .ClearLease()
            .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken));
    }

    private IQueryable<Job> Leased(Guid jobId, string workerId) =>
        db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Running && j.LeaseOwner == workerId);

    private static async Task<bool> Applied(Task<int> update) => await update == 1;
}
