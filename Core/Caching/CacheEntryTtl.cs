using Microsoft.Extensions.Caching.Distributed;

namespace Platform.Core.Caching;

internal static class CacheEntryTtl
{
    /// <summary>The shortest of the absolute, relative and sliding expirations; null when the entry never expires.</summary>
    public static TimeSpan? From(DistributedCacheEntryOptions options, DateTimeOffset now)
    {
        TimeSpan? ttl = null;
        if (options.AbsoluteExpiration is { } absolute)
        {
            ttl = absolute - now;
        }
        if (options.AbsoluteExpirationRelativeToNow is { } relative && (ttl is null || relative < ttl))
        {
            ttl = relative;
        }
        if (options.SlidingExpiration is { } sliding && (ttl is null || sliding < ttl))
        {
            ttl = sliding;
        }
        return ttl is { } value && value <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : ttl;
    }
}
