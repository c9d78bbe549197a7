using System.Globalization;
using Platform.Web.Api;
using Radzen;

namespace Platform.Web.Components.Jobs;

internal static class JobFormat
{
    public static readonly string[] Statuses = ["queued", "running", "succeeded", "failed", "cancelled"];
    public static readonly string[] Priorities = ["high", "default", "low"];

    public static bool CanRetry(ApiJob job) => job.Status is "failed" or "cancelled";

    public static bool CanCancel(ApiJob job) => job.Status is "queued" or "running";

    public static BadgeStyle StatusBadge(string? status) => status switch
    {
        "queued" => BadgeStyle.Info,
        "running" => BadgeStyle.Primary,
        "succeeded" => BadgeStyle.Success,
        "failed" => BadgeStyle.Danger,
        _ => BadgeStyle.Light,
    };

    public static BadgeStyle PriorityBadge(string? priority) => priority switch
    {
        "high" => BadgeStyle.Warning,
        "low" => BadgeStyle.Base,
        _ => BadgeStyle.Light,
    };

    public static string Milliseconds(double? ms) => ms switch
    {
        null => "—",
        < 1000 => ms.Value.ToString("0", CultureInfo.InvariantCulture) + " ms",
        < 60_000 => (ms.Value / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s",
        _ => (ms.Value / 60_000).ToString("0.0", CultureInfo.InvariantCulture) + " min",
    };

    public static string Rate(double perMinute) => perMinute.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Templates can be long and span lines: the list shows the start of the first line.</summary>
    public static string Excerpt(string? text, int length = 60)
    {
        var line = (text ?? "").Split('\n', 2)[0].Trim();
        return line.Length <= length ? line : line[..length] + "…";
    }
}
