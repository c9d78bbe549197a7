using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Core.Analytics;

/// <summary>
/// The overview of a window, bounded whatever the traffic: counts per type and day come from GROUP BY queries, and the
/// engine runs only for the Analytics:OverviewMaxUsers users with the most signal events (errors, taps, forms, dwell),
/// each on at most Analytics:OverviewMaxEventsPerUser of their newest events. Cached like a user's answer.
/// </summary>
public sealed class AnalyticsOverviewService(PlatformDbContext db, AnalyticsCache cache, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    /// <summary>The events the pain point rules feed on; users with many of them are the likeliest to hurt.</summary>
    private static readonly string[] SignalTypes =
        [EventTypes.Error, EventTypes.Tap, EventTypes.Click, EventTypes.Submit, EventTypes.Input, EventTypes.Dwell, EventTypes.PageLeave];

    public async Task<AnalyticsOverview> GetAsync(DateTime from, DateTime to, bool fresh, CancellationToken ct)
    {
        var key = $"llm:analytics-overview:{from.Ticks}:{to.Ticks}";
        if (!fresh && await cache.GetAsync<AnalyticsOverview>(key, ct) is { } cached)
        {
            return cached with { Cached = true };
        }
        using var activity = UserAnalyticsService.Source.StartActivity("analytics overview");
        var limits = options.Value;
        var window = db.ProductEvents.AsNoTracking().Where(e => e.Timestamp >= from && e.Timestamp < to);
        var usersInWindow = await window.Select(e => e.UserId).Distinct().CountAsync(ct);
        var candidates = await window.Where(e => SignalTypes.Contains(e.EventType))
            .GroupBy(e => e.UserId).Select(g => new { UserId = g.Key, Signals = g.Count() })
            .OrderByDescending(u => u.Signals).ThenBy(u => u.UserId).Take(limits.OverviewMaxUsers)
            .Select(u => u.UserId).ToListAsync(ct);

        var tally = new PainPointTally();
        var truncated = candidates.Count < usersInWindow;
        foreach (var userId in candidates)
        {
            using var events = await UserEventReader.ReadAsync(db, new AnalyticsQuery(userId, From: from, To: to), limits.OverviewMaxEventsPerUser, ct);
            truncated |= events.Truncated;
            tally.Add(AnalyticsEngine.Compute(events.OldestFirst(), limits).PainPoints);
        }

        var answer = new AnalyticsOverview(from, to, tally.Top(limits.MaxPainPointsPerType), tally.UsersAffected,
            await PerTypePerDayAsync(window, from, to, limits.MaxKeys, ct), usersInWindow, candidates.Count, truncated,
            time.GetUtcNow().UtcDateTime, Cached: false);
        await cache.SetAsync(key, answer, ct);
        return answer;
    }

    /// <summary>One GROUP BY per day of the window (at most Analytics:OverviewMaxDays + 1), each on the timestamp index.</summary>
    private static async Task<IReadOnlyList<EventTypeDay>> PerTypePerDayAsync(IQueryable<ProductEvent> window, DateTime from, DateTime to, int maxTypes, CancellationToken ct)
    {
        var days = new List<EventTypeDay>();
        for (var day = DateTime.SpecifyKind(from.Date, DateTimeKind.Utc); day < to; day = day.AddDays(1))
        {
            var next = day.AddDays(1);
            var counts = await window.Where(e => e.Timestamp >= day && e.Timestamp < next)
                .GroupBy(e => e.EventType).Select(g => new { Type = g.Key, Count = g.LongCount() })
                .OrderByDescending(c => c.Count).ThenBy(c => c.Type).Take(maxTypes).ToListAsync(ct);
            days.AddRange(counts.Select(c => new EventTypeDay(day, c.Type, c.Count)));
        }
        return days;
    }

    private sealed class PainPointTally
    {
        private readonly Dictionary<(string Type, string? Component), (long Occurrences, int Users)> _counts = [];

        public int UsersAffected { get; private set; }

        public void Add(IReadOnlyList<PainPoint> painPoints)
        {
            if (painPoints.Count == 0)
            {
                return;
            }
            UsersAffected++;
            foreach (var group in painPoints.GroupBy(p => (p.Type, p.ComponentId)))
            {
                var seen = _counts.GetValueOrDefault(group.Key);
                _counts[group.Key] = (seen.Occurrences + group.Count(), seen.Users + 1);
            }
        }

        public IReadOnlyList<OverviewPainPoint> Top(int max) =>
            [.. _counts.OrderByDescending(c => c.Value.Users).ThenByDescending(c => c.Value.Occurrences)
                .ThenBy(c => c.Key.Type, StringComparer.Ordinal).ThenBy(c => c.Key.Component, StringComparer.Ordinal)
                .Take(max).Select(c => new OverviewPainPoint(c.Key.Type, c.Key.Component, c.Value.Occurrences, c.Value.Users))];
    }
}
