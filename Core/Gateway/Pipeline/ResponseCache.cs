using System.Globalization;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// The store under the response cache: every entry lives Llm:Cache:TtlSeconds, and keys carry a generation number so
/// that "clear the cache" is one write (old entries become unreachable and expire by TTL) on any backend, Redis included.
/// </summary>
public sealed class ResponseCache(IDistributedCache cache, IOptions<LlmOptions> options, TimeProvider clock) : IDistributedCache
{
    private const string GenerationKey = "llm:cache:generation";
    private static readonly TimeSpan GenerationRefresh = TimeSpan.FromSeconds(5);
    private long _generation = -1;
    private DateTimeOffset _generationReadAt;

    private DistributedCacheEntryOptions EntryOptions => new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.Cache.TtlSeconds) };

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        await cache.GetAsync(await KeyAsync(key, token), token);

    // Whatever the caller asked for, an entry lives exactly the configured TTL.
    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions entry, CancellationToken token = default) =>
        await cache.SetAsync(await KeyAsync(key, token), value, EntryOptions, token);

    public async Task RefreshAsync(string key, CancellationToken token = default) =>
        await cache.RefreshAsync(await KeyAsync(key, token), token);

    public async Task RemoveAsync(string key, CancellationToken token = default) =>
        await cache.RemoveAsync(await KeyAsync(key, token), token);

    // Microsoft.Extensions.AI's caching client only calls the asynchronous members; blocking on Redis has no caller here.
    public byte[]? Get(string key) => throw SyncNotSupported();

    public void Set(string key, byte[] value, DistributedCacheEntryOptions entry) => throw SyncNotSupported();

    public void Refresh(string key) => throw SyncNotSupported();

    public void Remove(string key) => throw SyncNotSupported();

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var next = await ReadGenerationAsync(cancellationToken) + 1;
        await cache.SetStringAsync(GenerationKey, next.ToString(CultureInfo.InvariantCulture), cancellationToken);
        (_generation, _generationReadAt) = (next, clock.GetUtcNow());
    }

    private async ValueTask<string> KeyAsync(string hash, CancellationToken cancellationToken)
    {
        // Other processes learn of a clear within GenerationRefresh; reading it on every call would double Redis round trips.
        if (_generation < 0 || clock.GetUtcNow() - _generationReadAt > GenerationRefresh)
        {
            (_generation, _generationReadAt) = (await ReadGenerationAsync(cancellationToken), clock.GetUtcNow());
        }
        return $"llm:cache:{_generation}:{hash}";
    }

    private static NotSupportedException SyncNotSupported() => new("The response cache is asynchronous only.");

    private async Task<long> ReadGenerationAsync(CancellationToken cancellationToken) =>
        long.TryParse(await cache.GetStringAsync(GenerationKey, cancellationToken), out var generation) ? generation : 0;
}
