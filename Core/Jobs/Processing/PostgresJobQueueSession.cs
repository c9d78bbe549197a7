using Npgsql;
using NpgsqlTypes;

namespace Platform.Core.Jobs.Processing;

/// <summary>
/// PostgreSQL: one connection held by the claim loop, with the completion UPDATE and the claim as one prepared batch (one
/// round trip, one implicit transaction, no planning per claim). The session turns bitmap scans off once: on a jobs
/// table with stale statistics the planner would otherwise bitmap-scan and sort the whole backlog per claim (see
/// <see cref="JobStore.ClaimAsync"/>), and a per-claim SET LOCAL would cost a transaction and its COMMIT round trip.
/// A failed round trip drops the connection; the next opens a new one.
/// </summary>
internal sealed class PostgresJobQueueSession(string connectionString, JobRows rows, TimeProvider time, string workerId, TimeSpan lease) : JobQueueSession
{
    // $1 now, $2 worker, $3 ids, $4 results: CompleteManyAsync's guarded write with arrays, so its text never changes.
    private static readonly string CompleteSql = $"""
        UPDATE jobs SET
            status = '{JobStatus.Succeeded}', result_json = done.result, error = NULL, progress = 100,
            lease_owner = NULL, lease_expires_at = NULL, completed_at = $1, updated_at = $1
        FROM unnest($3::uuid[], $4::text[]) AS done(id, result)
        WHERE jobs.id = done.id AND jobs.status = '{JobStatus.Running}' AND jobs.lease_owner = $2
        RETURNING jobs.id
        """;

    private static readonly string ClaimSql = JobClaimSql.PostgresPositional();

    private NpgsqlConnection? _connection;
    private NpgsqlBatch? _batch;

    public override async Task<(IReadOnlySet<Guid> Completed, IReadOnlyList<Job> Claimed)> CompleteAndClaimAsync(
        IReadOnlyList<(Guid JobId, string? ResultJson)> done, int max, CancellationToken cancellationToken)
    {
        try
        {
            var batch = _batch ?? await PrepareAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var complete = batch.BatchCommands[0].Parameters;
            complete[0].Value = now;
            complete[1].Value = workerId;
            complete[2].Value = done.Select(d => d.JobId).ToArray();
            complete[3].Value = done.Select(d => d.ResultJson).ToArray();
            var claim = batch.BatchCommands[1].Parameters;
            claim[0].Value = now;
            claim[1].Value = workerId;
            claim[2].Value = now + lease;
            claim[3].Value = max;
            // Completions in the batch are not cut short by a stop: their jobs' outcomes must be known.
            await using var reader = await batch.ExecuteReaderAsync(done.Count > 0 ? CancellationToken.None : cancellationToken);
            var completed = new HashSet<Guid>();
            while (await reader.ReadAsync(CancellationToken.None))
            {
                completed.Add(reader.GetGuid(0));
            }
            await reader.NextResultAsync(CancellationToken.None);
            var claimed = await rows.ReadAsync(reader, CancellationToken.None);
            // RETURNING comes back in no particular order.
            return (completed, claimed.OrderBy(j => j.PriorityRank).ThenBy(j => j.RunAt).ToList());
        }
        catch
        {
            await DropAsync();
            throw;
        }
    }

    private async Task<NpgsqlBatch> PrepareAsync(CancellationToken cancellationToken)
    {
        _connection = new NpgsqlConnection(connectionString);
        await _connection.OpenAsync(cancellationToken);
        await using (var set = new NpgsqlCommand("SET enable_bitmapscan = off", _connection))
        {
            await set.ExecuteNonQueryAsync(cancellationToken);
        }
        var complete = new NpgsqlBatchCommand(CompleteSql)
        {
            Parameters =
            {
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            },
        };
        var claim = new NpgsqlBatchCommand(ClaimSql)
        {
            Parameters =
            {
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer },
            },
        };
        _batch = new NpgsqlBatch(_connection) { BatchCommands = { complete, claim } };
        await _batch.PrepareAsync(cancellationToken);
        return _batch;
    }

    private async Task DropAsync()
    {
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
            _batch = null;
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public override ValueTask DisposeAsync() => new(DropAsync());
}
