using Microsoft.Extensions.Logging;

namespace Platform.Core.Buffering;

/// <summary>Raised while stopping when the database fails: the writer spills instead of waiting for it.</summary>
internal sealed class SpillRequestedException(Exception cause) : Exception("The database failed while stopping.", cause);

/// <summary>
/// Writes a batch so that one bad record cannot hold back the others: a permanent refusal splits the batch in
/// halves until the refused record stands alone, and that record is rejected (logged without its content,
/// counted) without a retry. Transient failures are retried with capped backoff while the service runs.
/// </summary>
public abstract class BatchStore<T>(WriteMetrics metrics, ILogger logger, string records) where T : BufferedWrite
{
    private const int MaxBackoffMilliseconds = 5_000;

    /// <summary>
    /// Settles every write (stored or rejected), or throws: <see cref="SpillRequestedException"/> on a transient
    /// failure once <paramref name="stopping"/> is set, anything after <paramref name="abort"/> is set.
    /// </summary>
    internal virtual void Store(IReadOnlyList<T> writes, CancellationToken stopping, CancellationToken abort) =>
        StoreIsolated(writes.ToList(), stopping, abort);

    /// <summary>One write of records of the same kind: a transaction that stores all of them or none.</summary>
    protected abstract Task WriteAsync(List<T> writes, CancellationToken cancellationToken);

    /// <summary>Logs a record the database refused for good: its id and sizes, never its content.</summary>
    protected abstract void LogRejected(T write, string error);

    internal void StoreIsolated(List<T> writes, CancellationToken stopping, CancellationToken abort)
    {
        if (writes.Count == 0)
        {
            return;
        }
        for (var attempt = 1; ; attempt++)
        {
            var error = TryWrite(writes, abort);
            if (error is null)
            {
                writes.ForEach(w => w.Settle(WriteOutcome.Stored));
                return;
            }
            if (WriteErrors.IsPermanent(error))
            {
                if (writes.Count == 1)
                {
                    Reject(writes[0], error);
                    return;
                }
                var half = writes.Count / 2;
                StoreIsolated(writes.GetRange(0, half), stopping, abort);
                StoreIsolated(writes.GetRange(half, writes.Count - half), stopping, abort);
                return;
            }
            if (stopping.IsCancellationRequested)
            {
                throw new SpillRequestedException(error);
            }
            metrics.Retried();
            var delay = Math.Min(100 * (1 << Math.Min(attempt, 10)), MaxBackoffMilliseconds);
            logger.LogWarning("Writing {Count} {Records} failed, retrying in {Delay} ms (attempt {Attempt}): {Error}",
                writes.Count, records, delay, attempt, WriteErrors.Describe(error));
            // Cut short when the service begins to stop: the records are spilled rather than waiting for the database.
            stopping.WaitHandle.WaitOne(delay);
        }
    }

    private Exception? TryWrite(List<T> writes, CancellationToken abort)
    {
        try
        {
            WriteAsync(writes, abort).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex) when (!abort.IsCancellationRequested)
        {
            return ex;
        }
    }

    private void Reject(T write, Exception error)
    {
        if (write.Origin is not null && write.IsInsert && WriteErrors.IsUniqueViolation(error))
        {
            write.Settle(WriteOutcome.AlreadyStored);
            return;
        }
        metrics.Rejected();
        write.Settle(WriteOutcome.Rejected);
        LogRejected(write, WriteErrors.Describe(error));
    }
}
