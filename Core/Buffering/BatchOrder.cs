namespace Platform.Core.Buffering;

/// <summary>
/// Tickets in read order for batches written side by side. Records need no order among themselves, except an update,
/// which must not reach the database before the insert of its record: a batch holding one waits until every batch read
/// before it is written.
/// </summary>
internal sealed class BatchOrder
{
    private readonly object _gate = new();
    private readonly SortedSet<long> _inFlight = [];
    private long _next;

    /// <summary>Runs <paramref name="read"/> and takes the next ticket in one step, so tickets follow the buffer's order.</summary>
    public long Read(Action read)
    {
        lock (_gate)
        {
            read();
            _inFlight.Add(_next);
            return _next++;
        }
    }

    public void WaitForEarlier(long ticket)
    {
        lock (_gate)
        {
            while (_inFlight.Min != ticket)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    public void Done(long ticket)
    {
        lock (_gate)
        {
            _inFlight.Remove(ticket);
            Monitor.PulseAll(_gate);
        }
    }
}
