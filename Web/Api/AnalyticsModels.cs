namespace Platform.Web.Api;

// Behavioural analytics (/api/analytics): one end user's pain points, and the overview across users.

/// <summary>
/// One end user's analytics, optionally for one session and a window. <paramref name="Cached"/>: answered from the Api's
/// cache (computed at <paramref name="ComputedAt"/>); <paramref name="Truncated"/>: only the newest events were analysed.
/// </summary>
public sealed record ApiUserAnalytics(
    string UserId,
    string? SessionId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyDictionary<string, long> EventTypeDistribution,
    double ErrorRate,
    IReadOnlyList<ApiHotspot> Hotspots,
    IReadOnlyList<ApiPainPoint> PainPoints,
    IReadOnlyDictionary<string, long> ComponentUsage,
    long EventsAnalyzed,
    bool Truncated,
    DateTimeOffset ComputedAt,
    bool Cached);

/// <summary>Errors of one component with one message.</summary>
public sealed record ApiHotspot(string? ComponentId, string? Message, long Errors);

/// <summary><paramref name="Type"/>: rage-click, error-pattern, form-abandonment or long-dwell; the metrics depend on it.</summary>
public sealed record ApiPainPoint(string Type, string? ComponentId, string Reason, IReadOnlyDictionary<string, double>? Metrics);

public sealed record ApiAnalyticsOverview(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ApiOverviewPainPoint> PainPoints,
    int UsersAffected,
    IReadOnlyList<ApiEventTypeDay> EventsPerTypePerDay,
    int UsersInWindow,
    int UsersScanned,
    bool Truncated,
    DateTimeOffset ComputedAt,
    bool Cached);

public sealed record ApiOverviewPainPoint(string Type, string? ComponentId, long Occurrences, int UsersAffected);

public sealed record ApiEventTypeDay(DateTimeOffset Day, string EventType, long Count);

/// <summary>GET /api/analytics/users/{userId}; <paramref name="Fresh"/> recomputes instead of reading the cache.</summary>
public sealed record UserAnalyticsQuery(
    string UserId, string? SessionId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, bool Fresh = false);

/// <summary>
/// An LLM call made for an end user (GET /api/interactions?endUserId=), only the fields the timeline shows;
/// the Api sends more, which are ignored here.
/// </summary>
public sealed record ApiEndUserInteraction(
    Guid Id,
    string Type,
    string Status,
    string? Model,
    string? ModelRequested,
    string? PromptPreview,
    string? ResponsePreview,
    string? ErrorMessage,
    double? ProcessingTimeMs,
    DateTimeOffset CreatedAt);
