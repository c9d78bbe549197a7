using Platform.Core.Analytics;

namespace Platform.Core.Contracts;

/// <summary>The part of a user's analytics a generation used: put in the prompt and kept in the contract's meta.analytics.</summary>
public sealed record ContractAnalytics(
    IReadOnlyDictionary<string, long> EventTypeDistribution,
    double ErrorRate,
    IReadOnlyList<PainPoint> PainPoints,
    IReadOnlyList<Hotspot> Hotspots,
    long EventsAnalyzed,
    DateTime ComputedAt)
{
    /// <summary>Bounds what one noisy user can put into a prompt and a stored contract.</summary>
    public const int MaxPainPoints = 50;
    public const int MaxHotspots = 10;

    public static ContractAnalytics From(UserAnalytics analytics) => new(
        analytics.EventTypeDistribution, Math.Round(analytics.ErrorRate, 4),
        analytics.PainPoints.Take(MaxPainPoints).ToList(), analytics.Hotspots.Take(MaxHotspots).ToList(),
        analytics.EventsAnalyzed, analytics.ComputedAt);

    /// <summary>The component ids (and page ids: long dwell may name a page) that pain points and hotspots name.</summary>
    public IReadOnlySet<string> AffectedIds() =>
        PainPoints.Select(p => p.ComponentId).Concat(Hotspots.Select(h => h.ComponentId))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
}
