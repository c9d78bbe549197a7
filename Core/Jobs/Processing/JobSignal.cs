namespace Platform.Core.Jobs.Processing;

/// <summary>
/// Wakes the claim loop early: a new job was enqueued (PostgreSQL NOTIFY) or a running job freed a slot.
/// Signals while nobody waits are folded into one, so a burst costs one extra poll, not one per signal.
/// The one waiter (the claim loop) resumes on the signalling thread, up to its claim's first await: a SemaphoreSlim
/// would queue it to the thread pool, one more thread wake-up between a NOTIFY and the claim (bench `jobs-vs-peers`,
/// idle latency).
/// </summary>
public sealed class JobSignal
{
    private readonly Lock _lock = new();
    private bool _set;
    private TaskCompletionSource<bool>? _waiter;

    public void Set()
    {
        TaskCompletionSource<bool>? waiter;
        lock (_lock)
        {
            waiter = _waiter;
            _waiter = null;
            _set = waiter is null;
        }
        waiter?.TrySetResult(true);
    }

    /// <summary>True when signalled, false when the timeout passed. One waiter at a time.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<bool> waiter;
        lock (_lock)
        {
            if (_set)
            {
                _set = false;
                return true;
            }
            waiter = _waiter = new TaskCompletionSource<bool>();
        }
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        bool signalled;
        using (timer.Token.Register(() => Abandon(waiter)))
        {
            signalled = await waiter.Task;
        }
        cancellationToken.ThrowIfCancellationRequested();
        return signalled;
    }

    private void Abandon(TaskCompletionSource<bool> waiter)
    {
        lock (_lock)
        {
            if (_waiter == waiter)
            {
                _waiter = null;
            }
        }
        waiter.TrySetResult(false);
    }
}
