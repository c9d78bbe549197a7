namespace Platform.Core.Analytics;

/// <summary>The thresholds of the pain point rules and the bounds of the analytics work (section <c>Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>A rage-click burst: taps or clicks on one component, each at most this long after the one before.</summary>
    public int RageClickWindowMs { get; set; } = 1000;

    /// <summary>... and, when both carry x/y, at most this far from it.</summary>
    public double RageClickRadiusPx { get; set; } = 30;

    public int RageClickMinTaps { get; set; } = 3;

    /// <summary>The same component and message erroring this often is an error pattern.</summary>
    public int ErrorPatternMinCount { get; set; } = 3;

    /// <summary>This many submits of one form with no success is an abandonment even without errors.</summary>
    public int FormAbandonmentMinSubmits { get; set; } = 2;

    /// <summary>A dwell (or a view-to-leave span) longer than this is a long dwell.</summary>
    public int LongDwellSeconds { get; set; } = 120;

    public int CacheSeconds { get; set; } = 300;

    /// <summary>At most this many of a user's events are analysed (the newest); the answer says when more were there.</summary>
    public int MaxEvents { get; set; } = 200_000;

    public int MaxHotspots { get; set; } = 10;

    /// <summary>
    /// A user with at least this many events gets a snapshot of the engine's state, so that an uncached answer reads only
    /// the events since (see <see cref="UserEventFold"/>); below it a full read is cheap anyway.
    /// </summary>
    public int SnapshotMinEvents { get; set; } = 10_000;

    /// <summary>A snapshot covers the events stamped more than this long ago: later ones may still be on their way.</summary>
    public int SnapshotGraceSeconds { get; set; } = 300;

    /// <summary>How long an unused snapshot is kept.</summary>
    public int SnapshotSeconds { get; set; } = 86_400;

    /// <summary>
    /// How often the Api warms the snapshots of users whose events it stored (see <see cref="SnapshotWarmer"/>), so that
    /// a heavy user's first uncached answer does not read every event either; 0 turns warming off.
    /// </summary>
    public int SnapshotWarmSeconds { get; set; } = 30;

    /// <summary>At most this many users are folded per warming pass (the ones with the most new events first).</summary>
    public int SnapshotWarmMaxUsers { get; set; } = 10;

    /// <summary>Caps each type's list in an answer (most severe first), and the entries of eventTypeDistribution and componentUsage.</summary>
    public int MaxPainPointsPerType { get; set; } = 50;

    public int MaxKeys { get; set; } = 100;

    /// <summary>The overview's window, and how many users (those with the most signal events) it runs the engine for.</summary>
    public int OverviewMaxDays { get; set; } = 90;

    public int OverviewMaxUsers { get; set; } = 50;

    /// <summary>Each overview user's events are capped lower than a single user's answer, so one overview stays bounded.</summary>
    public int OverviewMaxEventsPerUser { get; set; } = 20_000;

    public string? Problem() =>
        RageClickWindowMs is < 1 or > 60_000 ? Say(nameof(RageClickWindowMs), "between 1 and 60000")
        : RageClickRadiusPx is < 0 or > 10_000 || double.IsNaN(RageClickRadiusPx) ? Say(nameof(RageClickRadiusPx), "between 0 and 10000")
        : RageClickMinTaps is < 2 or > 100 ? Say(nameof(RageClickMinTaps), "between 2 and 100")
        : ErrorPatternMinCount is < 1 or > 10_000 ? Say(nameof(ErrorPatternMinCount), "between 1 and 10000")
        : FormAbandonmentMinSubmits is < 1 or > 100 ? Say(nameof(FormAbandonmentMinSubmits), "between 1 and 100")
        : LongDwellSeconds is < 1 or > 86_400 ? Say(nameof(LongDwellSeconds), "between 1 and 86400")
        : CacheSeconds is < 1 or > 86_400 ? Say(nameof(CacheSeconds), "between 1 and 86400")
        : MaxEvents is < 1 or > 10_000_000 ? Say(nameof(MaxEvents), "between 1 and 10000000")
        : SnapshotMinEvents is < 1 or > 10_000_000 ? Say(nameof(SnapshotMinEvents), "between 1 and 10000000")
        : SnapshotGraceSeconds is < 0 or > 86_400 ? Say(nameof(SnapshotGraceSeconds), "between 0 and 86400")
        : SnapshotSeconds is < 1 or > 2_592_000 ? Say(nameof(SnapshotSeconds), "between 1 and 2592000")
        : SnapshotWarmSeconds is < 0 or > 86_400 ? Say(nameof(SnapshotWarmSeconds), "between 0 (off) and 86400")
        : SnapshotWarmMaxUsers is < 1 or > 10_000 ? Say(nameof(SnapshotWarmMaxUsers), "between 1 and 10000")
        : MaxHotspots is < 1 or > 1000 ? Say(nameof(MaxHotspots), "between 1 and 1000")
        : MaxPainPointsPerType is < 1 or > 10_000 ? Say(nameof(MaxPainPointsPerType), "between 1 and 10000")
        : MaxKeys is < 1 or > 10_000 ? Say(nameof(MaxKeys), "between 1 and 10000")
        : OverviewMaxDays is < 1 or > 3660 ? Say(nameof(OverviewMaxDays), "between 1 and 3660")
        : OverviewMaxUsers is < 1 or > 10_000 ? Say(nameof(OverviewMaxUsers), "between 1 and 10000")
        : OverviewMaxEventsPerUser is < 1 or > 10_000_000 ? Say(nameof(OverviewMaxEventsPerUser), "between 1 and 10000000")
        : null;

    private static string Say(string key, string range) => $"{Section}:{key} must be {range}.";
}
