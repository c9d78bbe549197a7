using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;

namespace Platform.Core.Interactions;

/// <summary>Raised while stopping when the database fails: the writer spills instead of waiting for it.</summary>
internal sealed class SpillRequestedException(Exception cause) : Exception("The database failed while stopping.", cause);

/// <summary>
/// Writes a batch so that one bad record cannot hold back the others: a permanent refusal splits the batch in
/// halves until the refused record stands alone, and that record is rejected (logged without its content,
/// counted) without a retry. Transient failures are retried with capped backoff while the service runs.
/// </summary>
public sealed class InteractionStore(IServiceScopeFactory scopes, InteractionMetrics metrics, ILogger<InteractionStore> logger)
{
    private const int MaxBackoffMilliseconds = 5_000;

    /// <summary>
    /// Settles every write (stored or rejected), or throws: <see cref="SpillRequestedException"/> on a transient
    /// failure once <paramref name="stopping"/> is set, anything after <paramref name="abort"/> is set.
    /// </summary>
    internal void Store(IReadOnlyList<InteractionWrite> writes, CancellationToken stopping, CancellationToken abort)
    {
        foreach (var write in writes)
        {
            InteractionSanitizer.Clean(write.Interaction);
        }
        StoreIsolated(writes.Where(w => !w.IsUpdate).ToList(), stopping, abort);
        StoreIsolated(writes.Where(w => w.IsUpdate).ToList(), stopping, abort);
    }

    private void StoreIsolated(List<InteractionWrite> writes, CancellationToken stopping, CancellationToken abort)
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
            logger.LogWarning("Writing {Count} interaction(s) failed, retrying in {Delay} ms (attempt {Attempt}): {Error}",
                writes.Count, delay, attempt, WriteErrors.Describe(error));
            // Cut short when the service begins to stop: the records are spilled rather than waiting for the database.
            stopping.WaitHandle.WaitOne(delay);
        }
    }

    private Exception? TryWrite(List<InteractionWrite> writes, CancellationToken abort)
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

    private void Reject(InteractionWrite write, Exception error)
    {
        var record = write.Interaction;
        if (write.Origin is not null && !write.IsUpdate && WriteErrors.IsUniqueViolation(error))
        {
            write.Settle(WriteOutcome.AlreadyStored);
            return;
        }
        metrics.Rejected();
        write.Settle(WriteOutcome.Rejected);
        logger.LogError(
            "Interaction {Id} was refused by the database and is not stored: {Error}. Type {Type}, source {Source}, job {JobId}, created {CreatedAt:o}; "
            + "{PromptChars} prompt, {MessagesChars} messages and {ResponseChars} response characters",
            record.Id, WriteErrors.Describe(error), record.Type, record.Source, record.JobId, record.CreatedAt,
            record.RenderedPrompt?.Length ?? 0, record.MessagesJson?.Length ?? 0, record.Response?.Length ?? 0);
    }

    private async Task WriteAsync(List<InteractionWrite> writes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (writes[0].IsUpdate)
        {
            db.Interactions.UpdateRange(writes.Select(w => w.Interaction));
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // New records, the hot path, skip change tracking.
            await BulkInsert.InsertAsync(db, writes.Select(w => w.Interaction).ToList(), cancellationToken);
        }
    }
}
