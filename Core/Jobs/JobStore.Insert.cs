using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Jobs;

public sealed partial class JobStore
{
    // Every column, so that the row is what SaveChanges would write.
    private static readonly string InsertSql = """
        INSERT INTO jobs (id, kind, priority, priority_rank, status, attempts, max_attempts, run_at, next_attempt_at,
            lease_owner, lease_expires_at, progress, payload_json, result_json, error, output_id, owner_user_id,
            idempotency_key, cancel_requested, created_at, started_at, completed_at, updated_at)
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}, {16}, {17}, {18},
            {19}, {20}, {21}, {22})
        """;

    /// <summary>
    /// A lone job (no output, no idempotency key) on PostgreSQL: one INSERT without the change tracker, whose CPU on a
    /// busy 2-core machine was half of an idle job's enqueue-to-start time (bench `jobs-vs-peers`).
    /// </summary>
    private Task InsertOneAsync(Job job, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(InsertSql, new object?[]
        {
            job.Id, job.Kind, job.Priority.ToString().ToLowerInvariant(), job.PriorityRank, job.Status, job.Attempts, job.MaxAttempts,
            Utc(job.RunAt), Utc(job.NextAttemptAt), job.LeaseOwner, Utc(job.LeaseExpiresAt), job.Progress, job.PayloadJson, job.ResultJson,
            job.Error, job.OutputId, job.OwnerUserId, job.IdempotencyKey, job.CancelRequested, Utc(job.CreatedAt), Utc(job.StartedAt),
            Utc(job.CompletedAt), Utc(job.UpdatedAt),
        }!, cancellationToken);

    // As the model's UtcDateTimeConverter writes them.
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
