namespace Platform.Core.Analytics;

/// <summary>
/// The events of one analysis as the reader got them, newest first (so that the cap keeps the newest), handed to the
/// engine oldest first without a reversed copy. Disposing returns the pooled array.
/// </summary>
internal sealed class UserEvents : IDisposable
{
    private readonly EventList _newestFirst;

    /// <summary>Keeps the newest <paramref name="max"/> of <paramref name="newestFirst"/>.</summary>
    public UserEvents(EventList newestFirst, int max)
    {
        _newestFirst = newestFirst;
        Truncated = newestFirst.Count > max;
        newestFirst.Truncate(max);
    }

    public int Count => _newestFirst.Count;

    /// <summary>More events matched than the cap; only the newest are here.</summary>
    public bool Truncated { get; }

    public IEnumerable<AnalyticsEvent> OldestFirst()
    {
        for (var i = _newestFirst.Count - 1; i >= 0; i--)
        {
            yield return _newestFirst[i];
        }
    }

    public void Dispose() => _newestFirst.Dispose();
}
