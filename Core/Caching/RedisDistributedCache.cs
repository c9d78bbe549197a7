using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.Core.Caching;

/// <summary>
/// IDistributedCache over StackExchange.Redis 1.2.6 (Microsoft's Redis cache package does not restore here).
/// Entries are hashes {data, sliding}; every Redis failure is a miss plus a warning, never an exception.
/// </summary>
internal sealed class RedisDistributedCache(RedisConnection redis, ILogger<RedisDistributedCache> logger) : IDistributedCache
{
    private static readonly RedisValue[] Fields = ["data", "sliding"];
    private long _lastWarningTicks;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        try
        {
            var values = await redis.Database.HashGetAsync(key, Fields);
            if (values.Length < 2 || values[0].IsNull)
            {
                return null;
            }
            if (values[1].TryParse(out long slidingSeconds) && slidingSeconds > 0)
            {
                _ = redis.Database.KeyExpireAsync(key, TimeSpan.FromSeconds(slidingSeconds), CommandFlags.FireAndForget);
            }
            return values[0];
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            Warn(ex, "get");
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var ttl = CacheEntryTtl.From(options, DateTimeOffset.UtcNow);
        var sliding = (long)(options.SlidingExpiration?.TotalSeconds ?? 0);
        try
        {
            var transaction = redis.Database.CreateTransaction();
            _ = transaction.HashSetAsync(key, [new HashEntry("data", value), new HashEntry("sliding", sliding)]);
            _ = ttl is { } expiry ? transaction.KeyExpireAsync(key, expiry) : transaction.KeyPersistAsync(key);
            await transaction.ExecuteAsync();
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            Warn(ex, "set");
        }
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default) => await GetAsync(key, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        try
        {
            await redis.Database.KeyDeleteAsync(key);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            Warn(ex, "remove");
        }
    }

    private static bool IsRedisFailure(Exception ex) => ex is RedisException or TimeoutException or ObjectDisposedException;

    // One warning every 30 s at most: with Redis down, every request would otherwise log one.
    private void Warn(Exception ex, string operation)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last < 30_000 && last != 0)
        {
            return;
        }
        Interlocked.Exchange(ref _lastWarningTicks, now);
        logger.LogWarning("Redis cache {Operation} failed, treated as a miss: {Message}", operation, ex.Message);
    }
}
