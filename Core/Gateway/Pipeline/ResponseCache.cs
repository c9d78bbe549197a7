using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// The gateway's view of IDistributedCache. Keys carry a generation number so that "clear the cache" is one
/// write (old entries become unreachable and expire by TTL) on any backend, Redis included.
/// </summary>
public sealed class ResponseCache(IDistributedCache cache, IOptions<LlmOptions> options, TimeProvider clock)
{
    private const string GenerationKey = "llm:cache:generation";
    private static readonly TimeSpan GenerationRefresh = TimeSpan.FromSeconds(5);
    private long _generation = -1;
    private DateTimeOffset _generationReadAt;

    public async Task<CachedAnswer?> GetAsync(string hash, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetAsync(await KeyAsync(hash, cancellationToken), cancellationToken);
        return bytes is null ? null : JsonSerializer.Deserialize<CachedAnswer>(bytes);
    }

    public async Task SetAsync(string hash, CachedAnswer answer, CancellationToken cancellationToken) =>
        await cache.SetAsync(await KeyAsync(hash, cancellationToken), JsonSerializer.SerializeToUtf8Bytes(answer),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.Cache.TtlSeconds) },
            cancellationToken);

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var next = await ReadGenerationAsync(cancellationToken) + 1;
        await cache.SetStringAsync(GenerationKey, next.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        (_generation, _generationReadAt) = (next, clock.GetUtcNow());
    }

    private async Task<string> KeyAsync(string hash, CancellationToken cancellationToken)
    {
        // Other processes learn of a clear within GenerationRefresh; reading it on every call would double Redis round trips.
        if (_generation < 0 || clock.GetUtcNow() - _generationReadAt > GenerationRefresh)
        {
            (_generation, _generationReadAt) = (await ReadGenerationAsync(cancellationToken), clock.GetUtcNow());
        }
        return $"llm:cache:{_generation}:{hash}";
    }

    private async Task<long> ReadGenerationAsync(CancellationToken cancellationToken) =>
        long.TryParse(await cache.GetStringAsync(GenerationKey, cancellationToken), out var generation) ? generation : 0;
}
