using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Platform.Core.Analytics;

/// <summary>
/// Users' snapshots in the platform's IDistributedCache (Redis when configured, shared by the replicas), under
/// <c>llm:analytics-snapshot:{userId}</c>, kept while one is read at least every Analytics:SnapshotSeconds (a sliding
/// expiry: a user whose answers keep coming keeps it without new events). The cache is fail-safe, so losing a snapshot
/// costs one full read, never an answer.
/// </summary>
public sealed class AnalyticsSnapshots(IDistributedCache cache, IOptions<AnalyticsOptions> options)
{
    public const string KeyPrefix = "llm:analytics-snapshot:";

    internal async Task<AnalyticsSnapshot?> GetAsync(string userId, CancellationToken ct)
    {
        var bytes = await cache.GetAsync(Key(userId), ct);
        if (bytes is null)
        {
            return null;
        }
        var snapshot = SnapshotCodec.Decode(bytes);
        return snapshot is { Version: AnalyticsSnapshot.CurrentVersion } && snapshot.Rules == AnalyticsSnapshot.RulesOf(options.Value) ? snapshot : null;
    }

    internal Task SetAsync(string userId, AnalyticsSnapshot snapshot, CancellationToken ct) =>
        cache.SetAsync(Key(userId), SnapshotCodec.Encode(snapshot),
            new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(options.Value.SnapshotSeconds) }, ct);

    /// <summary>Drops a user's snapshot: the next uncached answer reads all of the user's events.</summary>
    public Task ForgetAsync(string userId, CancellationToken ct) => cache.RemoveAsync(Key(userId), ct);

    private static string Key(string userId) => KeyPrefix + Uri.EscapeDataString(userId);
}
