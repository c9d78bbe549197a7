using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Core.Interactions;

/// <summary>
/// Drains the buffer in batches on one dedicated thread, through <see cref="InteractionStore"/>. It closes the
/// buffer only once the host has stopped everything else (requests and jobs still in flight record through it),
/// then writes what is queued; if the database fails meanwhile, or the host's stop timeout is reached, the rest
/// is spilled to a local file that the next start replays. Nothing acknowledged is dropped.
/// </summary>
public sealed class InteractionWriter(
    InteractionBuffer buffer,
    InteractionStore store,
    InteractionSpill spill,
    SpillReplayer replayer,
    IOptions<InteractionBufferOptions> options,
    ILogger<InteractionWriter> logger) : BackgroundService, IHostedLifecycleService
{
    private const int LingerMilliseconds = 20;

    // Stop has begun: stop waiting for the database. Abort: the stop timeout is reached, cancel the write in progress.
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private Task _replay = Task.CompletedTask;
    private readonly Lock _stopLock = new();
    private Task? _stopped;

    // A dedicated thread, not the thread pool: SQLite's "async" calls run synchronously, and on a 2-core machine
    // a pool thread blocked in a write stalls request handling until the pool grows.
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var drain = Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _replay = Task.Run(replayer.ReplayAsync, CancellationToken.None);
        return drain;
    }

    // Not here: hosted services stop in reverse order, so the web server would still be finishing requests.
    public override Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Called once per host stop, and a host can be stopped twice at once (a caller's StopAsync and Run noticing it);
    // every caller waits for the same drain, so none of them goes on to dispose the host under the writer.
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopped ??= StopWritingAsync(cancellationToken);
        }
    }

    private async Task StopWritingAsync(CancellationToken cancellationToken)
    {
        buffer.Complete();
        await _stopping.CancelAsync();
        var drain = ExecuteTask ?? Task.CompletedTask;
        try
        {
            await Task.WhenAll(drain, _replay).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The stop timeout was reached while writing interactions; spilling the rest");
            await _abort.CancelAsync();
            await drain;
        }
        if (buffer.Count > 0)
        {
            // Only when the writer never ran (the host failed to start): what was queued is kept all the same.
            SpillRemaining([]);
        }
        replayer.ReleaseUnfinished();
        spill.Dispose();
        logger.LogInformation("Interaction writer stopped; {Spilled} interaction(s) spilled by this process", spill.Count);
    }

    private void Drain()
    {
        var batch = new List<InteractionWrite>(options.Value.BatchSize);
        try
        {
            // Not the stopping token: the loop ends when the buffer is closed and empty, so shutdown drains it.
            while (buffer.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < options.Value.BatchSize && buffer.TryRead(out var write))
                {
                    batch.Add(write);
                }
                StoreOrSpill(batch);
                var full = batch.Count == options.Value.BatchSize;
                batch.Clear();
                if (!full && !_stopping.IsCancellationRequested)
                {
                    // A short pause lets the next batch gather: far fewer wake-ups and transactions under steady load,
                    // for at most this much delay before a record is stored.
                    Thread.Sleep(LingerMilliseconds);
                }
            }
        }
        catch (Exception ex) when (_stopping.IsCancellationRequested)
        {
            logger.LogWarning("The database could not take the remaining interactions while stopping: {Error}",
                WriteErrors.Describe(ex is SpillRequestedException { InnerException: { } cause } ? cause : ex));
            SpillRemaining(batch);
        }
    }

    private void StoreOrSpill(List<InteractionWrite> batch)
    {
        try
        {
            store.Store(batch, _stopping.Token, _abort.Token);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            // Not a database error (those are handled in the store): a defect. Keep the records and keep draining.
            logger.LogError("Storing {Count} interaction(s) failed unexpectedly ({Error}); they are spilled for the next start",
                batch.Count, ex.GetType().Name);
            Keep(batch.Where(w => !w.Settled).ToList());
        }
    }

    private void SpillRemaining(List<InteractionWrite> batch)
    {
        var rest = batch.Where(w => !w.Settled).ToList();
        // The buffer is closed by now, so this empties it for good; later arrivals are spilled by the buffer itself.
        while (buffer.TryRead(out var write))
        {
            rest.Add(write);
        }
        Keep(rest);
    }

    private void Keep(List<InteractionWrite> writes)
    {
        try
        {
            spill.Append(writes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogCritical("{Count} acknowledged interaction(s) could be neither stored nor spilled to {Folder} and are lost: {Error}. Ids: {Ids}",
                writes.Count, spill.Folder, ex.Message, string.Join(", ", writes.Select(w => w.Interaction.Id)));
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
