using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Core.Analytics;

/// <summary>Reads the events an analysis needs: a no-tracking projection of the columns the engine reads, newest first, capped.</summary>
internal static class UserEventReader
{
    public static IQueryable<ProductEvent> Matching(PlatformDbContext db, AnalyticsQuery query)
    {
        var rows = db.ProductEvents.AsNoTracking().Where(e => e.UserId == query.UserId);
        if (query.SessionId is { } session)
        {
            rows = rows.Where(e => e.SessionId == session);
        }
        if (query.From is { } from)
        {
            rows = rows.Where(e => e.Timestamp >= from);
        }
        if (query.To is { } to)
        {
            rows = rows.Where(e => e.Timestamp < to);
        }
        return rows;
    }

    /// <summary>
    /// The newest <paramref name="max"/> events, oldest first, and whether there were more. Read newest-first so the cap
    /// keeps the recent behaviour; the (user, timestamp) index serves both directions.
    /// </summary>
    public static async Task<(List<AnalyticsEvent> Events, bool Truncated)> ReadAsync(PlatformDbContext db, AnalyticsQuery query, int max, CancellationToken ct)
    {
        var events = await Matching(db, query)
            .OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Id)
            .Take(max + 1)
            .Select(e => new AnalyticsEvent(
                e.Timestamp, e.EventType, e.SessionId, e.ComponentId, e.Page ?? e.PageUrl,
                // Only errors need their message; the others' would be read for nothing.
                e.EventType == EventTypes.Error ? e.Message : null,
                e.DurationMs, e.X, e.Y))
            .ToListAsync(ct);
        var truncated = events.Count > max;
        if (truncated)
        {
            events.RemoveAt(events.Count - 1);
        }
        events.Reverse();
        return (events, truncated);
    }
}
