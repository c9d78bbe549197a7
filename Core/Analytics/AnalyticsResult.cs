namespace Platform.Core.Analytics;

/// <summary>What the engine found in one user's events; <see cref="PainPoints"/> is complete and in answer order.</summary>
public sealed record AnalyticsResult(
    long Events,
    IReadOnlyDictionary<string, long> EventTypeDistribution,
    double ErrorRate,
    IReadOnlyList<Hotspot> Hotspots,
    IReadOnlyList<PainPoint> PainPoints,
    IReadOnlyDictionary<string, long> ComponentUsage);
