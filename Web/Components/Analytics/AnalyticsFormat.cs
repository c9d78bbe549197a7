using System.Globalization;
using Radzen;

namespace Platform.Web.Components.Analytics;

internal static class AnalyticsFormat
{
    public const string RageClick = "rage-click";
    public const string ErrorPattern = "error-pattern";
    public const string FormAbandonment = "form-abandonment";
    public const string LongDwell = "long-dwell";

    public static BadgeStyle PainPointBadge(string type) => type switch
    {
        RageClick => BadgeStyle.Danger,
        ErrorPattern => BadgeStyle.Warning,
        FormAbandonment => BadgeStyle.Info,
        LongDwell => BadgeStyle.Secondary,
        _ => BadgeStyle.Light,
    };

    public static string PainPointLabel(string type) => type switch
    {
        RageClick => "rage click",
        ErrorPattern => "error pattern",
        FormAbandonment => "form abandonment",
        LongDwell => "long dwell",
        _ => type,
    };

    public static BadgeStyle EventBadge(string type) => type switch
    {
        "error" => BadgeStyle.Danger,
        "tap" or "click" => BadgeStyle.Primary,
        "submit" or "input" => BadgeStyle.Info,
        "success" or "conversion" => BadgeStyle.Success,
        "dwell" or "pageleave" => BadgeStyle.Secondary,
        _ => BadgeStyle.Light,
    };

    /// <summary>Metric names as the engine writes them (tapBurst, windowMs, dwellMs...), read as words.</summary>
    public static string MetricName(string name) => name switch
    {
        "tapBurst" => "taps",
        "windowMs" => "within",
        "dwellMs" => "dwell",
        _ => name,
    };

    public static string MetricValue(string name, double value) =>
        name.EndsWith("Ms", StringComparison.Ordinal) ? Milliseconds(value) : Count(value);

    public static string Percent(double ratio) => ratio.ToString("0.#%", CultureInfo.InvariantCulture);

    public static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Milliseconds(double value) =>
        value >= 60_000 ? $"{(long)(value / 60_000)}m {(long)(value % 60_000 / 1000)}s"
        : value >= 1_000 ? (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + " s"
        : value.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    public static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset value) => value.ToUniversalTime().ToString("MMM d", CultureInfo.InvariantCulture);

    /// <summary>A component id, or what stands for a missing one.</summary>
    public static string Component(string? id) => string.IsNullOrEmpty(id) ? "(no component)" : id;
}
