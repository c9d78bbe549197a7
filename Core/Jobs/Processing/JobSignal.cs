namespace Platform.Core.Jobs.Processing;

/// <summary>
/// Wakes the claim loop early: a new job was enqueued (PostgreSQL NOTIFY) or a running job freed a slot.
/// Signals while nobody waits are folded into one, so a burst costs one extra poll, not one per signal.
/// </summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Set()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the waiter will poll once either way.
        }
    }

    /// <summary>True when signalled, false when the timeout passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
