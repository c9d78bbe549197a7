namespace Platform.Core.Gateway.Pipeline;

/// <summary>Response-cache hits and misses counted by this process since it started.</summary>
public sealed class CacheStats
{
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);
    public double HitRate => Hits + Misses == 0 ? 0 : Math.Round((double)Hits / (Hits + Misses), 4);

    public void Hit() => Interlocked.Increment(ref _hits);

    public void Miss() => Interlocked.Increment(ref _misses);
}
