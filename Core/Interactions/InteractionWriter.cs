using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Interactions;

/// <summary>
/// Drains the buffer in batches (one SaveChanges per batch). On shutdown it stops accepting and writes
/// everything still queued before the host stops. A failed batch is retried, then written record by record;
/// a record that still cannot be stored is logged whole as an error, never dropped silently.
/// </summary>
public sealed class InteractionWriter(
    InteractionBuffer buffer,
    IServiceScopeFactory scopes,
    IOptions<InteractionBufferOptions> options,
    ILogger<InteractionWriter> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        buffer.Complete();
        await base.StopAsync(cancellationToken);
    }

    // A dedicated thread, not the thread pool: SQLite's "async" calls run synchronously, and on a 2-core machine
    // a pool thread blocked in a write stalls request handling until the pool grows.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private const int LingerMilliseconds = 20;

    private void Drain()
    {
        var batch = new List<InteractionWrite>(options.Value.BatchSize);
        // Not the stopping token: the loop ends when the channel is completed and empty, so shutdown drains it.
        while (buffer.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < options.Value.BatchSize && buffer.TryRead(out var write))
            {
                batch.Add(write);
            }
            WriteWithRetryAsync(batch).GetAwaiter().GetResult();
            var full = batch.Count == options.Value.BatchSize;
            batch.Clear();
            if (!full)
            {
                // A short pause lets the next batch gather: far fewer wake-ups and transactions under steady load,
                // for at most this much delay before a record is stored.
                Thread.Sleep(LingerMilliseconds);
            }
        }
        logger.LogInformation("Interaction writer drained and stopped");
    }

    private async Task WriteWithRetryAsync(List<InteractionWrite> batch)
    {
        if (await TryWriteAsync(batch, attempts: 3))
        {
            return;
        }
        // One bad record must not hold the rest back: write them one by one.
        foreach (var write in batch)
        {
            if (!await TryWriteAsync([write], attempts: 5))
            {
                // Last resort, and loud: the whole record goes to the error log rather than vanishing.
                logger.LogError("Interaction {Id} could not be stored and is logged here instead: {Record}",
                    write.Interaction.Id, System.Text.Json.JsonSerializer.Serialize(write.Interaction));
            }
        }
    }

    private async Task<bool> TryWriteAsync(List<InteractionWrite> batch, int attempts)
    {
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                await WriteAsync(batch);
                return true;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Writing {Count} interaction(s) failed (attempt {Attempt} of {Attempts})", batch.Count, attempt, attempts);
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, attempt), 5_000)));
            }
        }
        return false;
    }

    private async Task WriteAsync(List<InteractionWrite> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        // New records, the hot path, skip change tracking; the rare updates go through EF.
        await BulkInsert.InsertAsync(db, batch.Where(w => !w.IsUpdate).Select(w => w.Interaction).ToList());
        var updates = batch.Where(w => w.IsUpdate).ToList();
        if (updates.Count > 0)
        {
            db.Interactions.UpdateRange(updates.Select(w => w.Interaction));
            await db.SaveChangesAsync();
        }
    }
}
