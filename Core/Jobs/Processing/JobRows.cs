using System.Data.Common;

namespace Platform.Core.Jobs.Processing;

/// <summary>Reads <see cref="Job"/>s from a raw <c>RETURNING *</c> of the jobs table (snake_case columns, as EF maps them).</summary>
internal static class JobRows
{
    public static async Task<List<Job>> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var jobs = new List<Job>();
        if (!reader.HasRows)
        {
            return jobs;
        }
        int O(string column) => reader.GetOrdinal(column);
        var (id, kind, priority, status, attempts, maxAttempts, runAt, nextAttemptAt) =
            (O("id"), O("kind"), O("priority"), O("status"), O("attempts"), O("max_attempts"), O("run_at"), O("next_attempt_at"));
        var (leaseOwner, leaseExpiresAt, progress, payload, result, error, outputId, owner) =
            (O("lease_owner"), O("lease_expires_at"), O("progress"), O("payload_json"), O("result_json"), O("error"), O("output_id"), O("owner_user_id"));
        var (key, cancel, createdAt, startedAt, completedAt, updatedAt) =
            (O("idempotency_key"), O("cancel_requested"), O("created_at"), O("started_at"), O("completed_at"), O("updated_at"));
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new Job
            {
                Id = reader.GetGuid(id),
                Kind = reader.GetString(kind),
                Priority = Enum.Parse<JobPriority>(reader.GetString(priority), ignoreCase: true),
                Status = reader.GetString(status),
                Attempts = reader.GetInt32(attempts),
                MaxAttempts = reader.GetInt32(maxAttempts),
                RunAt = Utc(reader.GetDateTime(runAt)),
                NextAttemptAt = Nullable(reader, nextAttemptAt),
                LeaseOwner = reader.IsDBNull(leaseOwner) ? null : reader.GetString(leaseOwner),
                LeaseExpiresAt = Nullable(reader, leaseExpiresAt),
                Progress = reader.GetInt32(progress),
                PayloadJson = reader.GetString(payload),
                ResultJson = reader.IsDBNull(result) ? null : reader.GetString(result),
                Error = reader.IsDBNull(error) ? null : reader.GetString(error),
                OutputId = reader.IsDBNull(outputId) ? null : reader.GetGuid(outputId),
                OwnerUserId = reader.IsDBNull(owner) ? null : reader.GetGuid(owner),
                IdempotencyKey = reader.IsDBNull(key) ? null : reader.GetString(key),
                CancelRequested = reader.GetBoolean(cancel),
                CreatedAt = Utc(reader.GetDateTime(createdAt)),
                StartedAt = Nullable(reader, startedAt),
                CompletedAt = Nullable(reader, completedAt),
                UpdatedAt = Utc(reader.GetDateTime(updatedAt)),
            });
        }
        return jobs;
    }

    private static DateTime? Nullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Utc(reader.GetDateTime(ordinal));

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
