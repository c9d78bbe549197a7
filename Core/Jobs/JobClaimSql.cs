using Platform.Core.Data;

namespace Platform.Core.Jobs;

/// <summary>
/// The one provider-specific statement of the job system. Parameters: {0} now, {1} worker id, {2} lease expiry, {3} max.
/// Each branch reads the claim index in order and stops at the limit, so a claim costs the same with 100k jobs queued
/// as with ten; an OR of both conditions would sort every due row instead.
/// </summary>
internal static class JobClaimSql
{
    public static string For(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql
        // SKIP LOCKED: concurrent claimers pass over each other's rows instead of waiting or claiming them twice.
        ? Build(" FOR UPDATE SKIP LOCKED")
        // SQLite serializes writers and an UPDATE takes the write lock before it reads: the statement is atomic.
        : Build("");

    /// <summary>The PostgreSQL statement with Npgsql's positional parameters: $1 now, $2 worker id, $3 lease expiry, $4 max.</summary>
    public static string PostgresPositional() =>
        For(DatabaseProvider.PostgreSql).Replace("{0}", "$1").Replace("{1}", "$2").Replace("{2}", "$3").Replace("{3}", "$4");

    private static string Build(string lockClause) => $$"""
        UPDATE jobs SET
            status = '{{JobStatus.Running}}', lease_owner = {1}, lease_expires_at = {2}, attempts = attempts + 1,
            started_at = COALESCE(started_at, {0}), next_attempt_at = NULL, updated_at = {0}
        WHERE id IN (
            SELECT id FROM (
                SELECT * FROM (
                    SELECT id, priority_rank, run_at FROM jobs
                    WHERE status = '{{JobStatus.Queued}}' AND run_at <= {0}
                    ORDER BY priority_rank, run_at LIMIT {3}{{lockClause}}) AS due
                UNION ALL
                SELECT * FROM (
                    SELECT id, priority_rank, run_at FROM jobs
                    WHERE status = '{{JobStatus.Running}}' AND lease_expires_at < {0}
                        AND attempts < max_attempts AND NOT cancel_requested
                    ORDER BY priority_rank, run_at LIMIT {3}{{lockClause}}) AS expired
            ) AS candidates
            ORDER BY priority_rank, run_at LIMIT {3})
        RETURNING *
        """;
}
