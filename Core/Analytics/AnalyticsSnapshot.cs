using System.Globalization;

namespace Platform.Core.Analytics;

/// <summary>
/// The engine's state over all of one user's events stamped before <see cref="Through"/>, so that an uncached answer
/// reads only the events from Through on. It holds while the user still has exactly <c>State.Events</c> events before
/// Through: events are only ever added, so a late one stamped before Through changes that count and the answer reads
/// everything again. <see cref="Rules"/> names the thresholds it was folded with (and the pain points per type an
/// answer keeps, since only those of the found ones are kept).
/// </summary>
internal sealed record AnalyticsSnapshot(int Version, string Rules, DateTime Through, EngineState State)
{
    /// <summary>Raised whenever <see cref="EngineState"/> changes shape, so that no replica resumes from an old one.</summary>
    public const int CurrentVersion = 1;

    public static string RulesOf(AnalyticsOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.RageClickWindowMs}|{o.RageClickRadiusPx:R}|{o.RageClickMinTaps}|{o.ErrorPatternMinCount}|{o.FormAbandonmentMinSubmits}|{o.LongDwellSeconds}|{o.MaxPainPointsPerType}");
}
