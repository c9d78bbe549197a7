namespace Platform.Web.Components.Analytics;

/// <summary>The time windows the pages offer, as a key that fits in the page's URL.</summary>
public sealed record AnalyticsWindow(string Key, string Label, TimeSpan? Span)
{
    public const string AllKey = "all";

    public static readonly AnalyticsWindow Day = new("24h", "Last 24 hours", TimeSpan.FromDays(1));
    public static readonly AnalyticsWindow Week = new("7d", "Last 7 days", TimeSpan.FromDays(7));
    public static readonly AnalyticsWindow Month = new("30d", "Last 30 days", TimeSpan.FromDays(30));
    public static readonly AnalyticsWindow Quarter = new("90d", "Last 90 days", TimeSpan.FromDays(90));
    public static readonly AnalyticsWindow All = new(AllKey, "All time", null);

    /// <summary>The overview always covers a bounded window (the Api caps it at Analytics:OverviewMaxDays, 90 by default).</summary>
    public static readonly IReadOnlyList<AnalyticsWindow> Bounded = [Day, Week, Month, Quarter];

    public static readonly IReadOnlyList<AnalyticsWindow> WithAll = [All, .. Bounded];

    public static AnalyticsWindow Find(IReadOnlyList<AnalyticsWindow> choices, string? key, AnalyticsWindow fallback) =>
        choices.FirstOrDefault(w => w.Key == key) ?? fallback;

    /// <summary>
    /// The window ending just after <paramref name="now"/>, on a whole minute: the Api caches an answer per exact window,
    /// so asking again within the minute (a refresh, a second tab) is answered from its cache.
    /// </summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Range(DateTimeOffset now)
    {
        if (Span is not { } span)
        {
            return (null, null);
        }
        var utc = now.ToUniversalTime();
        var to = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        return (to - span, to);
    }
}
