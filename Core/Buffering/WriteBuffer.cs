using System.Threading.Channels;
using Platform.Core.Data;

namespace Platform.Core.Buffering;

/// <summary>
/// A bounded in-process queue between the request path and a batched database writer. Adding never drops: a
/// group of records is admitted whole or not at all, waiting for room up to EnqueueWaitMilliseconds, then
/// <see cref="BufferFullException"/>; once the writer has closed the buffer at shutdown, late records go straight
/// to the spill file.
/// </summary>
public abstract class WriteBuffer<T>(WriteBufferOptions options, SpillFile<T> spill) where T : BufferedWrite
{
    // Unbounded underneath: the bound is the reservation below, which admits a whole group at once, so a batch is
    // never half queued when the wait runs out.
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();
    private readonly Lock _gate = new();
    private TaskCompletionSource? _roomMade;
    private bool _closed;
    private int _count;

    public int Count => Volatile.Read(ref _count);
    public int Capacity => options.Capacity;
    public int BatchSize => options.BatchSize;

    /// <inheritdoc cref="WriteBufferOptions.WritersFor"/>
    public int WritersFor(DatabaseProvider provider) => options.WritersFor(provider);

    /// <summary>Fails fast before an expensive call when the buffer has been full for the whole wait.</summary>
    public async ValueTask EnsureSpaceAsync(CancellationToken cancellationToken)
    {
        if (Count < options.Capacity)
        {
            return;
        }
        using var wait = Deadline(cancellationToken);
        while (Room(0) is { } room)
        {
            await WaitAsync(room, wait.Token, cancellationToken);
        }
    }

    /// <summary>Queues a record; waits for space rather than dropping it.</summary>
    public ValueTask AddAsync(T write, CancellationToken cancellationToken = default) => AddRangeAsync([write], cancellationToken);

    /// <summary>Queues every record or none: waits for room for all of them, then 503 (<see cref="BufferFullException"/>).</summary>
    public async ValueTask AddRangeAsync(IReadOnlyList<T> writes, CancellationToken cancellationToken = default)
    {
        if (writes.Count == 0)
        {
            return;
        }
        // The deadline (a timer) only when there is no room at once: most adds find room, one record at a time.
        CancellationTokenSource? wait = null;
        try
        {
            while (true)
            {
                switch (TryReserve(writes.Count, out var room))
                {
                    case Reservation.Closed:
                        // A request that finished after the writer stopped: its answer is on its way, so its records must be kept.
                        SpillLate(writes);
                        return;
                    case Reservation.Made:
                        Enqueue(writes, throwIfClosed: false);
                        return;
                }
                wait ??= Deadline(cancellationToken);
                await WaitAsync(room!, wait.Token, cancellationToken);
            }
        }
        finally
        {
            wait?.Dispose();
        }
    }

    /// <summary>For replaying spilled records: waits as long as it takes; throws ChannelClosedException once closed.</summary>
    internal async ValueTask AddWaitingAsync(T write)
    {
        while (true)
        {
            switch (TryReserve(1, out var room))
            {
                case Reservation.Closed:
                    throw new ChannelClosedException();
                case Reservation.Made:
                    Enqueue([write], throwIfClosed: true);
                    return;
            }
            await room!;
        }
    }

    /// <summary>Waits until records are queued; false once the buffer is completed and empty.</summary>
    public ValueTask<bool> WaitToReadAsync() => _channel.Reader.WaitToReadAsync(CancellationToken.None);

    /// <summary>Moves up to <paramref name="max"/> queued records into <paramref name="batch"/> and makes room for as many.</summary>
    public int ReadBatch(List<T> batch, int max)
    {
        var read = 0;
        while (read < max && _channel.Reader.TryRead(out var write))
        {
            batch.Add(write);
            read++;
        }
        Release(read);
        return read;
    }

    /// <summary>No more writes: the writer drains what is queued and stops.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _closed = true;
        }
        _channel.Writer.TryComplete();
    }

    private enum Reservation { Made, Full, Closed }

    private Reservation TryReserve(int count, out Task? room)
    {
        room = null;
        lock (_gate)
        {
            if (_closed)
            {
                return Reservation.Closed;
            }
            // An empty buffer takes any group, so one larger than the capacity is slow rather than impossible.
            if (_count > 0 && _count + count > options.Capacity)
            {
                room = (_roomMade ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                return Reservation.Full;
            }
            _count += count;
            return Reservation.Made;
        }
    }

    /// <summary>Null when there is room for one more record; else a task that completes once the reader makes room.</summary>
    private Task? Room(int count)
    {
        lock (_gate)
        {
            return _count + count < options.Capacity ? null
                : (_roomMade ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    private void Release(int count)
    {
        if (count == 0)
        {
            return;
        }
        TaskCompletionSource? waiters;
        lock (_gate)
        {
            _count -= count;
            (waiters, _roomMade) = (_roomMade, null);
        }
        waiters?.TrySetResult();
    }

    private void Enqueue(IReadOnlyList<T> writes, bool throwIfClosed)
    {
        List<T>? late = null;
        foreach (var write in writes)
        {
            if (!_channel.Writer.TryWrite(write))
            {
                (late ??= []).Add(write);
            }
        }
        if (late is null)
        {
            return;
        }
        // Closed between the reservation and the write.
        Release(late.Count);
        if (throwIfClosed)
        {
            throw new ChannelClosedException();
        }
        SpillLate(late);
    }

    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.EnqueueWaitMilliseconds);
        return wait;
    }

    private async Task WaitAsync(Task room, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            await room.WaitAsync(deadline);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BufferFullException($"The {spill.Records.Replace("(s)", "", StringComparison.Ordinal)} buffer is full; try again shortly.");
        }
    }

    private void SpillLate(IReadOnlyList<T> writes)
    {
        try
        {
            spill.Append(writes.ToList());
        }
        catch (IOException ex)
        {
            throw new BufferFullException($"The service is stopping and could not keep the records ({ex.GetType().Name}); try again shortly.");
        }
    }
}
