using System.Globalization;
using Radzen;

namespace Platform.Web.Components.Insights;

/// <summary>How the Insights pages spell the Api's values: rates as percentages, money, times, counts.</summary>
internal static class InsightsFormat
{
    public static readonly string[] Statuses = ["success", "failure", "partial", "pending", "processing"];
    public static readonly string[] FeedbackValues = ["accepted", "rejected", "modified", "thumbs_up", "thumbs_down", "no_feedback"];
    public static readonly string[] Verdicts = ["accepted", "rejected", "modified"];
    public static readonly string[] Ratings = ["thumbs_up", "thumbs_down"];
    public static readonly string[] Types = ["chat", "job", "contract", "playground"];

    public static BadgeStyle StatusBadge(string? status) => status switch
    {
        "success" => BadgeStyle.Success,
        "failure" => BadgeStyle.Danger,
        "partial" => BadgeStyle.Warning,
        "pending" => BadgeStyle.Info,
        "processing" => BadgeStyle.Primary,
        _ => BadgeStyle.Light,
    };

    public static string Label(string? value) => value switch
    {
        null or "" or "no_feedback" => "no feedback",
        "thumbs_up" => "thumbs up",
        "thumbs_down" => "thumbs down",
        _ => value.Replace('_', ' '),
    };

    public static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Cost(double? usd) => usd is { } value ? "$" + value.ToString("0.00####", CultureInfo.InvariantCulture) : "—";

    public static string Milliseconds(double? ms) => ms is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) + " ms" : "—";

    public static string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    public static string Score(double? score) => score?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";

    public static string Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "—";

    public static string Tokens(int? input, int? output, int? total) =>
        input is null && output is null && total is null ? "—"
            : $"{Count(input)} in · {Count(output)} out · {Count(total)} total";

    public static string Excerpt(string? text, int length = 80)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}
