using System.Buffers;

namespace Platform.Core.Analytics;

/// <summary>
/// A growable list of events on arrays rented from the shared pool. An uncached answer holds ~100,000 events (~10 MB);
/// fresh arrays of that size are large-object allocations that bring a full collection per answer.
/// </summary>
internal sealed class EventList : IDisposable
{
    private AnalyticsEvent[] _items = ArrayPool<AnalyticsEvent>.Shared.Rent(1024);

    public int Count { get; private set; }

    public AnalyticsEvent this[int index] => _items[index];

    public void Add(in AnalyticsEvent e)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<AnalyticsEvent>.Shared.Rent(_items.Length * 2);
            Array.Copy(_items, larger, Count);
            Return(_items, Count);
            _items = larger;
        }
        _items[Count++] = e;
    }

    /// <summary>Keeps the first <paramref name="count"/> events.</summary>
    public void Truncate(int count)
    {
        if (count < Count)
        {
            Array.Clear(_items, count, Count - count);
            Count = count;
        }
    }

    public void Dispose()
    {
        Return(_items, Count);
        _items = [];
        Count = 0;
    }

    // The events hold strings: cleared so that a pooled array keeps none of them alive.
    private static void Return(AnalyticsEvent[] items, int used)
    {
        if (items.Length > 0)
        {
            Array.Clear(items, 0, used);
            ArrayPool<AnalyticsEvent>.Shared.Return(items);
        }
    }
}
