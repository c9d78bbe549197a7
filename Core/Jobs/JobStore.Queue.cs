using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Interactions;

namespace Platform.Core.Jobs;

public sealed partial class JobStore
{
    /// <summary>
    /// Inserts the job (and its output row, in the same transaction). If the owner already has a job with the same
    /// idempotency key, nothing is inserted and that job is returned: compare its Id with yours to tell.
    /// Empty timestamps are filled with now; RunAt defaults to now. Idempotency keys of jobs without an owner are
    /// only checked by the lookup, not by the unique index (NULL owners never collide).
    /// </summary>
    public async Task<Job> EnqueueAsync(Job job, Interaction? output = null, CancellationToken cancellationToken = default)
    {
        Stamp(job, Now);
        if (job.IdempotencyKey is not null && await FindByKeyAsync(job.OwnerUserId, job.IdempotencyKey, cancellationToken) is { } existing)
        {
            return existing;
        }
        if (output is null && job.IdempotencyKey is null && database.Provider == DatabaseProvider.PostgreSql)
        {
            await InsertOneAsync(job, cancellationToken);
            return job;
        }
        db.Jobs.Add(job);
        if (output is not null)
        {
            job.OutputId ??= output.Id;
            db.Interactions.Add(output);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (job.IdempotencyKey is not null && IsUniqueViolation(e))
        {
            // Lost the race with a concurrent enqueue of the same key: the winner's job is the answer.
            db.Entry(job).State = EntityState.Detached;
            if (output is not null)
            {
                db.Entry(output).State = EntityState.Detached;
            }
            var winner = await FindByKeyAsync(job.OwnerUserId, job.IdempotencyKey, cancellationToken);
            if (winner is null)
            {
                throw;
            }
            return winner;
        }
        // Later changes go through the store's guarded updates; a tracked copy would only go stale.
        db.Entry(job).State = EntityState.Detached;
        return job;
    }

    /// <summary>Bulk insert without idempotency checks (a duplicate key fails the whole batch). Returns the count.</summary>
    public async Task<int> EnqueueManyAsync(IReadOnlyList<Job> jobs, CancellationToken cancellationToken = default)
    {
        var now = Now;
        foreach (var job in jobs)
        {
            Stamp(job, now);
        }
        await BulkInsert.InsertAsync(db, jobs, cancellationToken);
        return jobs.Count;
    }

    /// <summary>Queued: cancelled at once. Running: cancel requested (the worker stops at its next heartbeat). Finished: false.</summary>
    public async Task<bool> CancelAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var cancelled = await db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.NextAttemptAt, (DateTime?)null)
            .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (cancelled == 1)
        {
            return true;
        }
        // It may have been claimed in between: then this branch catches it.
        return await db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.CancelRequested, true).SetProperty(j => j.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>
    /// A deleted owner's work: queued jobs are cancelled at once, running ones asked to stop at their next heartbeat.
    /// Returns how many were cancelled while queued.
    /// </summary>
    public async Task<int> CancelOwnedAsync(Guid ownerUserId, string reason, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var cancelled = await db.Jobs.Where(j => j.OwnerUserId == ownerUserId && j.Status == JobStatus.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.NextAttemptAt, (DateTime?)null).SetProperty(j => j.Error, reason)
            .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        await db.Jobs.Where(j => j.OwnerUserId == ownerUserId && j.Status == JobStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.CancelRequested, true).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        return cancelled;
    }

    /// <summary>A failed or cancelled job runs again from scratch: queued now, attempts 0, error and result cleared.</summary>
    public async Task<bool> RetryAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var retried = await db.Jobs.Where(j => j.Id == jobId && (j.Status == JobStatus.Failed || j.Status == JobStatus.Cancelled))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.Attempts, 0).SetProperty(j => j.Progress, 0)
                .SetProperty(j => j.RunAt, now).SetProperty(j => j.NextAttemptAt, (DateTime?)null)
                .SetProperty(j => j.Error, (string?)null).SetProperty(j => j.ResultJson, (string?)null)
                .SetProperty(j => j.CancelRequested, false).ClearLease().SetProperty(j => j.StartedAt, (DateTime?)null)
                .SetProperty(j => j.CompletedAt, (DateTime?)null).SetProperty(j => j.UpdatedAt, now), cancellationToken) == 1;
        if (retried && database.Provider == DatabaseProvider.PostgreSql)
        {
            // The insert trigger does not fire for an update: wake idle workers the same way.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{NotificationChannel}', '')", cancellationToken);
        }
        return retried;
    }

    private async Task<Job?> FindByKeyAsync(Guid? owner, string key, CancellationToken cancellationToken) =>
        await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.OwnerUserId == owner && j.IdempotencyKey == key, cancellationToken);

    private static void Stamp(Job job, DateTime now)
    {
        job.CreatedAt = job.CreatedAt == default ? now : job.CreatedAt;
        job.UpdatedAt = job.UpdatedAt == default ? job.CreatedAt : job.UpdatedAt;
        job.RunAt = job.RunAt == default ? now : job.RunAt;
    }

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };
}
