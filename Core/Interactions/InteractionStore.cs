using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Core.Buffering;
using Platform.Core.Data;

namespace Platform.Core.Interactions;

/// <summary>
/// Stores interaction batches (see <see cref="BatchStore{T}"/>): text is cleaned first, new records are bulk
/// inserted, completions of pending records are updates.
/// </summary>
public sealed class InteractionStore(IServiceScopeFactory scopes, InteractionMetrics metrics, ILogger<InteractionStore> logger)
    : BatchStore<InteractionWrite>(metrics, logger, "interaction(s)")
{
    internal override void Store(IReadOnlyList<InteractionWrite> writes, CancellationToken stopping, CancellationToken abort)
    {
        foreach (var write in writes)
        {
            InteractionSanitizer.Clean(write.Interaction);
        }
        StoreIsolated(writes.Where(w => !w.IsUpdate).ToList(), stopping, abort);
        StoreIsolated(writes.Where(w => w.IsUpdate).ToList(), stopping, abort);
    }

    protected override void LogRejected(InteractionWrite write, string error)
    {
        var record = write.Interaction;
        logger.LogError(
            "Interaction {Id} was refused by the database and is not stored: {Error}. Type {Type}, source {Source}, job {JobId}, created {CreatedAt:o}; "
            + "{PromptChars} prompt, {MessagesChars} messages and {ResponseChars} response characters",
            record.Id, error, record.Type, record.Source, record.JobId, record.CreatedAt,
            record.RenderedPrompt?.Length ?? 0, record.MessagesJson?.Length ?? 0, record.Response?.Length ?? 0);
    }

    protected override async Task WriteAsync(List<InteractionWrite> writes, CancellationToken cancellationToken)
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
            // New records, the hot path, skip change tracking; blocking, as the writer's own thread waits for it anyway.
            BulkInsert.Insert(db, writes.Select(w => w.Interaction).ToList(), cancellationToken);
        }
    }
}
