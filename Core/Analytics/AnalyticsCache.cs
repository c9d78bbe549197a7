using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Platform.Core.Analytics;

/// <summary>
/// Answers kept Analytics:CacheSeconds in the platform's IDistributedCache. That cache is already fail-safe (a Redis
/// failure is a miss or a skipped write plus a throttled warning), so a cache outage costs a recomputation, never a request.
/// </summary>
public sealed class AnalyticsCache(IDistributedCache cache, IOptions<AnalyticsOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T?> GetAsync<T>(string key, CancellationToken ct) where T : class
    {
        var bytes = await cache.GetAsync(key, ct);
        if (bytes is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Json);
        }
        catch (JsonException)
        {
            // An entry of an older shape (or garbage) is a miss; the recomputed answer overwrites it.
            return null;
        }
    }

    public Task SetAsync<T>(string key, T value, CancellationToken ct) =>
        cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, Json),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.CacheSeconds) }, ct);
}
