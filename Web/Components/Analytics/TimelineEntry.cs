using Platform.Web.Api;

namespace Platform.Web.Components.Analytics;

/// <summary>One row of a user's timeline: either a product event or an LLM call made for them.</summary>
public sealed record TimelineEntry(DateTimeOffset At, ApiProductEvent? Event, ApiEndUserInteraction? Interaction)
{
    /// <summary>
    /// Both lists hold the newest of their kind. When one was cut short, the other's older entries would sit in a stretch
    /// where the cut list seems empty, so the timeline starts at the cut list's oldest entry. Oldest first, as the user lived it.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Merge(
        IReadOnlyList<ApiProductEvent> events, bool moreEvents, IReadOnlyList<ApiEndUserInteraction> interactions, bool moreInteractions)
    {
        var start = DateTimeOffset.MinValue;
        if (moreEvents && events.Count > 0)
        {
            start = events.Min(e => e.Timestamp);
        }
        if (moreInteractions && interactions.Count > 0)
        {
            var oldest = interactions.Min(i => i.CreatedAt);
            start = oldest > start ? oldest : start;
        }
        return events.Select(e => new TimelineEntry(e.Timestamp, e, null))
            .Concat(interactions.Select(i => new TimelineEntry(i.CreatedAt, null, i)))
            .Where(t => t.At >= start)
            .OrderBy(t => t.At)
            .ThenBy(t => t.Interaction is null ? 0 : 1)
            .ToList();
    }
}
