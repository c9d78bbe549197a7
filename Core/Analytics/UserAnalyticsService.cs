using System.Diagnostics;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Analytics;

/// <summary>Cache first; on a miss (or when asked fresh) reads the user's events, runs the engine and stores the answer.</summary>
public sealed class UserAnalyticsService(
    PlatformDbContext db, AnalyticsCache cache, AnalyticsSnapshots snapshots, IOptions<AnalyticsOptions> options, TimeProvider time) : IUserAnalytics
{
    public static readonly ActivitySource Source = new("Platform.Analytics");

    public async Task<UserAnalytics> GetAsync(string userId, string? sessionId, DateTime? from, DateTime? to, bool fresh, CancellationToken ct)
    {
        var query = new AnalyticsQuery(userId, sessionId, from, to);
        var key = query.CacheKey();
        if (!fresh && await cache.GetAsync<UserAnalytics>(key, ct) is { } cached)
        {
            return cached with { Cached = true };
        }
        using var activity = Source.StartActivity("analytics user");
        var limits = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var (result, truncated, source, _) = await new UserEventFold(db, snapshots, limits).RunAsync(query, now, ct);
        activity?.SetTag("analytics.events", result.Events);
        activity?.SetTag("analytics.snapshot", source);
        var answer = new UserAnalytics(userId, sessionId, from, to, result.EventTypeDistribution, result.ErrorRate, result.Hotspots,
            result.PainPoints, result.ComponentUsage, result.Events, truncated, now, Cached: false);
        await cache.SetAsync(key, answer, ct);
        return answer;
    }
}
