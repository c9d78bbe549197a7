namespace Platform.Core.RateLimits;

/// <summary>
/// Counters of one process, for the embedded mode (one Api, no Redis). System.Threading.RateLimiting's limiters do
/// not fit: tokens are charged after the call, may overdraw the window, and the remaining quota must be readable for
/// the response headers; so this is a plain fixed-window count under one lock.
/// </summary>
public sealed class MemoryUsageCounters(TimeProvider clock) : IUsageCounters
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextPrune;

    public Task<CounterOutcome?> TryAddAsync(IReadOnlyList<UsageCounter> counters, TimeSpan expiry, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            Prune(now);
            var values = new long[counters.Count];
            var rejected = -1;
            for (var i = 0; i < counters.Count; i++)
            {
                values[i] = _entries.TryGetValue(counters[i].Key, out var entry) && entry.ExpiresAt > now ? entry.Value : 0;
                if (rejected < 0 && counters[i].Limit >= 0 && values[i] >= counters[i].Limit)
                {
                    rejected = i;
                }
            }
            if (rejected < 0)
            {
                for (var i = 0; i < counters.Count; i++)
                {
                    if (counters[i].Amount > 0)
                    {
                        values[i] += counters[i].Amount;
                        _entries[counters[i].Key] = new Entry(values[i], now + expiry);
                    }
                }
            }
            return Task.FromResult<CounterOutcome?>(new CounterOutcome(rejected, values));
        }
    }

    // Window keys carry their minute, so old ones are never read again; drop them once a minute.
    private void Prune(DateTimeOffset now)
    {
        if (now < _nextPrune)
        {
            return;
        }
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.Remove(key);
            }
        }
        _nextPrune = now + TimeSpan.FromMinutes(1);
    }

    private readonly record struct Entry(long Value, DateTimeOffset ExpiresAt);
}
