using System.Globalization;
using Radzen;

namespace Platform.Web.Components.Status;

internal static class StatusFormat
{
    public static BadgeStyle HealthBadge(string? status) => status switch
    {
        "Healthy" => BadgeStyle.Success,
        "Degraded" => BadgeStyle.Warning,
        "Unhealthy" => BadgeStyle.Danger,
        _ => BadgeStyle.Light,
    };

    public static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return t.TotalDays >= 1 ? $"{(int)t.TotalDays}d {t.Hours}h"
            : t.TotalHours >= 1 ? $"{t.Hours}h {t.Minutes}m"
            : t.TotalMinutes >= 1 ? $"{t.Minutes}m {t.Seconds}s"
            : $"{t.Seconds}s";
    }

    public static string Time(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "—";
}
