using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Platform.Core.Interactions;

/// <summary>Thrown when the buffer stayed full for the whole wait: the caller answers 503 instead of losing a record.</summary>
public sealed class BufferFullException(string message) : Exception(message);

/// <summary>
/// A bounded in-process queue between the request path and the batched database writer. Adding never drops:
/// it waits for space up to EnqueueWaitMilliseconds, then throws <see cref="BufferFullException"/>; once the
/// writer has closed the buffer at shutdown, a late record goes straight to the spill file.
/// </summary>
public sealed class InteractionBuffer(IOptions<InteractionBufferOptions> options, InteractionSpill spill)
{
    private readonly Channel<InteractionWrite> _channel = Channel.CreateBounded<InteractionWrite>(
        new BoundedChannelOptions(options.Value.Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    // Our own count: a bounded channel's Count takes its lock, and EnsureSpaceAsync runs on every request.
    private int _count;

    public int Count => Volatile.Read(ref _count);
    public int Capacity => options.Value.Capacity;

    /// <summary>Fails fast before an expensive provider call when the buffer has been full for the whole wait.</summary>
    public async ValueTask EnsureSpaceAsync(CancellationToken cancellationToken)
    {
        if (Count < options.Value.Capacity)
        {
            return;
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.EnqueueWaitMilliseconds);
        try
        {
            while (Count >= options.Value.Capacity)
            {
                await Task.Delay(5, wait.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BufferFullException("The interaction buffer is full; try again shortly.");
        }
    }

    /// <summary>Queues a record; waits for space rather than dropping it.</summary>
    public async ValueTask AddAsync(InteractionWrite write, CancellationToken cancellationToken = default)
    {
        if (_channel.Writer.TryWrite(write))
        {
            Interlocked.Increment(ref _count);
            return;
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.EnqueueWaitMilliseconds);
        try
        {
            await _channel.Writer.WriteAsync(write, wait.Token);
            Interlocked.Increment(ref _count);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BufferFullException("The interaction buffer is full; try again shortly.");
        }
        catch (ChannelClosedException)
        {
            // A request that finished after the writer stopped: its answer is on its way, so its record must be kept.
            SpillLate(write);
        }
    }

    /// <summary>For replaying spilled records: waits as long as it takes; throws ChannelClosedException once closed.</summary>
    internal async ValueTask AddWaitingAsync(InteractionWrite write)
    {
        await _channel.Writer.WriteAsync(write);
        Interlocked.Increment(ref _count);
    }

    private void SpillLate(InteractionWrite write)
    {
        try
        {
            spill.Append([write]);
        }
        catch (IOException ex)
        {
            throw new BufferFullException($"The service is stopping and could not keep the record ({ex.GetType().Name}); try again shortly.");
        }
    }

    /// <summary>Waits until records are queued; false once the buffer is completed and empty.</summary>
    public ValueTask<bool> WaitToReadAsync() => _channel.Reader.WaitToReadAsync(CancellationToken.None);

    public bool TryRead(out InteractionWrite write)
    {
        if (!_channel.Reader.TryRead(out write!))
        {
            return false;
        }
        Interlocked.Decrement(ref _count);
        return true;
    }

    /// <summary>No more writes: the writer drains what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
