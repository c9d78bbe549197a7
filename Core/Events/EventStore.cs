using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Core.Buffering;
using Platform.Core.Data;

namespace Platform.Core.Events;

/// <summary>Bulk inserts event batches (see <see cref="BatchStore{T}"/>); ingestion has already validated every field.</summary>
public sealed class EventStore(IServiceScopeFactory scopes, EventMetrics metrics, ILogger<EventStore> logger)
    : BatchStore<EventWrite>(metrics, logger, "event(s)")
{
    // Blocking: the writer's own thread waits for it anyway.
    protected override Task WriteAsync(List<EventWrite> writes, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        BulkInsert.Insert(db, writes.ConvertAll(w => w.Event), cancellationToken);
        return Task.CompletedTask;
    }

    protected override void LogRejected(EventWrite write, string error) =>
        logger.LogError("Event {Id} was refused by the database and is not stored: {Error}. Type {Type}, received {ReceivedAt:o}; {ExtraChars} extra characters",
            write.Event.Id, error, write.Event.EventType, write.Event.ReceivedAt, write.Event.ExtraJson?.Length ?? 0);
}
