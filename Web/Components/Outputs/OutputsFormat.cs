using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Web.Api;
using Radzen;

namespace Platform.Web.Components.Outputs;

internal static class OutputsFormat
{
    public const string ThumbsUp = "thumbs_up";
    public const string ThumbsDown = "thumbs_down";
    public const string NoFeedback = "none";

    public static readonly string[] Statuses = ["pending", "processing", "completed", "failed"];
    public static readonly string[] Formats = ["text", "json", "markdown", "html"];

    // Razor encodes the text it is put in, so the JSON itself need not escape HTML characters.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Still on its way: the detail page keeps refreshing it.</summary>
    public static bool IsPending(ApiOutput output) => output.Status is "pending" or "processing";

    public static BadgeStyle StatusBadge(string? status) => status switch
    {
        "pending" => BadgeStyle.Info,
        "processing" => BadgeStyle.Primary,
        "completed" => BadgeStyle.Success,
        "failed" => BadgeStyle.Danger,
        _ => BadgeStyle.Light,
    };

    public static string FeedbackLabel(string value) => value switch
    {
        ThumbsUp => "thumbs up",
        ThumbsDown => "thumbs down",
        _ => "no feedback",
    };

    public static string Json(JsonElement value) => JsonSerializer.Serialize(value, Indented);

    /// <summary>A json output's parsed value, indented; a value the Api sent as a JSON string is parsed first.</summary>
    public static string PrettyJson(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return Json(document.RootElement);
            }
            catch (JsonException)
            {
                return text;
            }
        }
        return Json(value);
    }

    public static string Tokens(ApiOutputUsage? usage) =>
        usage is null ? "—" : $"{Count(usage.InputTokens)} in · {Count(usage.OutputTokens)} out · {Count(usage.TotalTokens)} total";

    public static string Cost(double? usd) => usd is { } value ? "$" + value.ToString("0.00####", CultureInfo.InvariantCulture) : "—";

    public static string Milliseconds(double? ms) => ms is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) + " ms" : "—";

    private static string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";
}
