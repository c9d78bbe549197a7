using System.Text.Json.Serialization;

namespace Platform.Core.Analytics;

/// <summary>
/// The analytics of one user (optionally one session and a window): the payload that the Api answers, the cache
/// stores and the UI contract optimizer reads. <see cref="Truncated"/>: more than Analytics:MaxEvents events matched
/// and only the newest were analysed.
/// </summary>
public sealed record UserAnalytics(
    string UserId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SessionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? To,
    IReadOnlyDictionary<string, long> EventTypeDistribution,
    double ErrorRate,
    IReadOnlyList<Hotspot> Hotspots,
    IReadOnlyList<PainPoint> PainPoints,
    IReadOnlyDictionary<string, long> ComponentUsage,
    long EventsAnalyzed,
    bool Truncated,
    DateTime ComputedAt,
    bool Cached);
