namespace Platform.Core.Analytics;

/// <summary>
/// Pain points across users in a window. <see cref="UsersScanned"/> of <see cref="UsersInWindow"/> were analysed
/// (those with the most signal events); <see cref="Truncated"/> says some users or some of their events were left out.
/// </summary>
public sealed record AnalyticsOverview(
    DateTime From,
    DateTime To,
    IReadOnlyList<OverviewPainPoint> PainPoints,
    int UsersAffected,
    IReadOnlyList<EventTypeDay> EventsPerTypePerDay,
    int UsersInWindow,
    int UsersScanned,
    bool Truncated,
    DateTime ComputedAt,
    bool Cached);

/// <summary>One pain point type on one component: how often it occurred and for how many of the analysed users.</summary>
public sealed record OverviewPainPoint(string Type, string? ComponentId, long Occurrences, int UsersAffected);

public sealed record EventTypeDay(DateTime Day, string EventType, long Count);
