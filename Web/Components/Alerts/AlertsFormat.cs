using System.Globalization;
using Radzen;

namespace Platform.Web.Components.Alerts;

internal static class AlertsFormat
{
    public static readonly (string Kind, string Label, string Unit)[] Kinds =
    [
        ("failure_rate", "Failure rate over", "%"),
        ("daily_cost", "Cost per day over", "USD"),
        ("p95_latency", "p95 latency over", "ms"),
    ];

    public static string Threshold(string kind, double threshold) => kind switch
    {
        "failure_rate" => threshold.ToString("0.##", CultureInfo.InvariantCulture) + " %",
        "daily_cost" => "$" + threshold.ToString("0.00##", CultureInfo.InvariantCulture) + " / day",
        "p95_latency" => threshold.ToString("N0", CultureInfo.InvariantCulture) + " ms",
        _ => threshold.ToString(CultureInfo.InvariantCulture),
    };

    public static string KindLabel(string kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Label ?? kind;

    /// <summary>The unit of a kind's threshold, for the form's label.</summary>
    public static string Unit(string? kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Unit ?? "";

    public static BadgeStyle StateBadge(string state) => state switch
    {
        "firing" => BadgeStyle.Danger,
        "ok" => BadgeStyle.Success,
        _ => BadgeStyle.Light,
    };

    public static BadgeStyle DeliveryBadge(string status) => status switch
    {
        "delivered" => BadgeStyle.Success,
        "failed" => BadgeStyle.Danger,
        "pending" or "sending" => BadgeStyle.Info,
        _ => BadgeStyle.Light,
    };
}
