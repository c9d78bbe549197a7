using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;

namespace Platform.Core.Buffering;

/// <summary>
/// Drains a <see cref="WriteBuffer{T}"/> in batches on dedicated threads (one per batch written at once, see
/// <see cref="WriteBufferOptions.WritersFor"/>), through a <see cref="BatchStore{T}"/>.
/// It closes the buffer only once the host has stopped everything else (requests and jobs still in flight write
/// through it), then writes what is queued; if the database fails meanwhile, or the host's stop timeout is
/// reached, the rest is spilled to a local file that the next start replays. Nothing acknowledged is dropped.
/// </summary>
public abstract class BatchWriter<T> : BackgroundService, IHostedLifecycleService where T : BufferedWrite
{
    private const int LingerMilliseconds = 20;

    private readonly WriteBuffer<T> _buffer;
    private readonly BatchStore<T> _store;
    private readonly SpillFile<T> _spill;
    private readonly SpillReplayer<T> _replayer;
    private readonly ILogger _logger;
    private readonly int _writers;
    private readonly BatchOrder _order = new();
    // Stop has begun: stop waiting for the database. Abort: the stop timeout is reached, cancel the write in progress.
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private Task _replay = Task.CompletedTask;
    private readonly Lock _stopLock = new();
    private Task? _stopped;

    /// <param name="complete">Whether a record read back from a spill file is whole (a torn line may parse to an empty one).</param>
    protected BatchWriter(
        WriteBuffer<T> buffer, BatchStore<T> store, SpillFile<T> spill, DatabaseInfo database, Func<T, bool> complete, ILogger logger)
    {
        (_buffer, _store, _spill, _logger) = (buffer, store, spill, logger);
        _writers = buffer.WritersFor(database.Provider);
        _replayer = new SpillReplayer<T>(buffer, spill, complete, logger);
    }

    // Dedicated threads, not the thread pool: SQLite's "async" calls run synchronously, and on a 2-core machine
    // a pool thread blocked in a write stalls request handling until the pool grows.
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var drains = Enumerable.Range(0, _writers)
            .Select(_ => Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        _replay = Task.Run(_replayer.ReplayAsync, CancellationToken.None);
        return Task.WhenAll(drains);
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
        _buffer.Complete();
        await _stopping.CancelAsync();
        var drain = ExecuteTask ?? Task.CompletedTask;
        try
        {
            await Task.WhenAll(drain, _replay).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("The stop timeout was reached while writing {Records}; spilling the rest", _spill.Records);
            await _abort.CancelAsync();
            await drain;
        }
        if (_buffer.Count > 0)
        {
            // Only when the writer never ran (the host failed to start): what was queued is kept all the same.
            SpillRemaining([]);
        }
        _replayer.ReleaseUnfinished();
        _spill.Dispose();
        _logger.LogInformation("Writer stopped; {Spilled} {Records} spilled by this process", _spill.Count, _spill.Records);
    }

    private void Drain()
    {
        var batch = new List<T>(_buffer.BatchSize);
        try
        {
            // Not the stopping token: the loop ends when the buffer is closed and empty, so shutdown drains it.
            while (_buffer.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                if (_buffer.Count < _buffer.BatchSize && !_stopping.IsCancellationRequested)
                {
                    // A short pause lets a partial batch gather: far fewer wake-ups and transactions under steady load
                    // (and no writer taking a handful of records while another writes a full batch), for at most this
                    // much delay before a record is stored.
                    Thread.Sleep(LingerMilliseconds);
                }
                var ticket = _order.Read(() => _buffer.ReadBatch(batch, _buffer.BatchSize));
                try
                {
                    if (batch.Exists(w => !w.IsInsert))
                    {
                        _order.WaitForEarlier(ticket);
                    }
                    StoreOrSpill(batch);
                }
                finally
                {
                    _order.Done(ticket);
                }
                batch.Clear();
            }
        }
        catch (Exception ex) when (_stopping.IsCancellationRequested)
        {
            _logger.LogWarning("The database could not take the remaining {Records} while stopping: {Error}",
                _spill.Records, WriteErrors.Describe(ex is SpillRequestedException { InnerException: { } cause } ? cause : ex));
            SpillRemaining(batch);
        }
    }

    private void StoreOrSpill(List<T> batch)
    {
        try
        {
            _store.Store(batch, _stopping.Token, _abort.Token);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            // Not a database error (those are handled in the store): a defect. Keep the records and keep draining.
            _logger.LogError("Storing {Count} {Records} failed unexpectedly ({Error}); they are spilled for the next start",
                batch.Count, _spill.Records, ex.GetType().Name);
            Keep(batch.Where(w => !w.Settled).ToList());
        }
    }

    private void SpillRemaining(List<T> batch)
    {
        var rest = batch.Where(w => !w.Settled).ToList();
        // The buffer is closed by now, so this empties it for good; later arrivals are spilled by the buffer itself.
        _buffer.ReadBatch(rest, int.MaxValue);
        Keep(rest);
    }

    private void Keep(List<T> writes)
    {
        try
        {
            _spill.Append(writes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogCritical("{Count} acknowledged {Records} could be neither stored nor spilled to {Folder} and are lost: {Error}. Ids: {Ids}",
                writes.Count, _spill.Records, _spill.Folder, ex.Message, string.Join(", ", writes.Select(w => w.RecordId)));
        }
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        _abort.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
