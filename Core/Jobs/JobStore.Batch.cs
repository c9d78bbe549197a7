using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Jobs;

public sealed partial class JobStore
{
    /// <summary>
    /// <see cref="CompleteAsync"/> for several jobs of one worker in one statement (one round trip, one commit),
    /// each guarded by the lease as there. Returns the ids it applied to; the others had lost their lease.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> CompleteManyAsync(
        string workerId, IReadOnlyList<(Guid JobId, string? ResultJson)> jobs, CancellationToken cancellationToken = default)
    {
        if (jobs.Count == 0)
        {
            return new HashSet<Guid>();
        }
        // {0} now, {1} worker, then id and result per job; the same SQL on both providers (SQLite >= 3.35 for RETURNING).
        var values = new List<object?> { Now, workerId };
        var cases = new List<string>(jobs.Count);
        var ids = new List<string>(jobs.Count);
        foreach (var (jobId, result) in jobs)
        {
            cases.Add($"WHEN {{{values.Count}}} THEN CAST({{{values.Count + 1}}} AS TEXT)");
            ids.Add($"{{{values.Count}}}");
            values.Add(jobId);
            values.Add(result);
        }
        var sql = $$"""
            UPDATE jobs SET
                status = '{{JobStatus.Succeeded}}', result_json = CASE id {{string.Join(" ", cases)}} END, error = NULL, progress = 100,
                lease_owner = NULL, lease_expires_at = NULL, completed_at = {0}, updated_at = {0}
            WHERE id IN ({{string.Join(", ", ids)}}) AND status = '{{JobStatus.Running}}' AND lease_owner = {1}
            RETURNING id AS "Value"
            """;
        var applied = await db.Database.SqlQueryRaw<Guid>(sql, values.ToArray()!).ToListAsync(cancellationToken);
        return applied.ToHashSet();
    }
}
