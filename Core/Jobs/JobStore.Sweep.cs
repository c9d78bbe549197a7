using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Jobs;

public sealed partial class JobStore
{
    /// <summary>
    /// Finishes running jobs whose worker died and that claiming leaves alone: those on their last attempt become
    /// failed, those with a cancel request cancelled. Returns them so that their outputs can be marked too.
    /// Call it from the worker's maintenance loop.
    /// </summary>
    public async Task<IReadOnlyList<Job>> SweepAbandonedAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var abandoned = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Running && j.LeaseExpiresAt < now && (j.Attempts >= j.MaxAttempts || j.CancelRequested))
            .ToListAsync(cancellationToken);
        var swept = new List<Job>();
        foreach (var job in abandoned)
        {
            var status = job.CancelRequested ? JobStatus.Cancelled : JobStatus.Failed;
            var error = job.CancelRequested ? job.Error : $"The worker stopped responding during the last attempt ({job.Attempts} of {job.MaxAttempts}).";
            // Guarded by the same lease as read: a sweeper racing another one (or a renewal) changes nothing twice.
            var applied = await db.Jobs
                .Where(j => j.Id == job.Id && j.Status == JobStatus.Running && j.LeaseOwner == job.LeaseOwner && j.LeaseExpiresAt < now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, status).SetProperty(j => j.Error, error)
                    .ClearLease()
                    .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken);
            if (applied == 1)
            {
                (job.Status, job.Error, job.LeaseOwner, job.LeaseExpiresAt, job.CompletedAt, job.UpdatedAt) = (status, error, null, null, now, now);
                swept.Add(job);
            }
        }
        return swept;
    }
}
