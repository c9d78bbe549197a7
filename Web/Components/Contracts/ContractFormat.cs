using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Web.Api;
using Radzen;

namespace Platform.Web.Components.Contracts;

internal static class ContractFormat
{
    public const string Heuristic = "heuristic";
    public const string Safe = "safe";

    public const string MetaPrefix = "/meta/";

    // For reading, not for embedding: Razor HTML-encodes the text, so quotes and accents can stay as they are.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Model paths are green, the deterministic fallbacks amber (heuristic) and grey (safe: nothing changed).</summary>
    public static BadgeStyle PathBadge(string? path) => path switch
    {
        null or "" => BadgeStyle.Light,
        Heuristic => BadgeStyle.Warning,
        Safe => BadgeStyle.Secondary,
        _ => BadgeStyle.Success,
    };

    public static string PathLabel(string? path) => string.IsNullOrEmpty(path) ? "unknown" : path;

    public static string PathHint(string? path) => path switch
    {
        Heuristic => "No model answer was usable: deterministic rules per pain point produced this version.",
        Safe => "Neither a model nor the rules gave a valid contract: this version is the base unchanged.",
        null or "" => "The Api did not say which path produced this version.",
        _ => $"A model answered through the {path} provider.",
    };

    public static BadgeStyle OpBadge(string op) => op switch
    {
        "add" => BadgeStyle.Success,
        "remove" => BadgeStyle.Danger,
        _ => BadgeStyle.Info,
    };

    /// <summary>
    /// The Worker reports progress only as a number; these are the figures its contract generation moves through
    /// (10 loading analytics, 40 calling the model, 70 validating, 90 storing), read back as the step under way.
    /// </summary>
    public static string Step(string status, int progress) => status switch
    {
        "queued" => "waiting for a Worker",
        "succeeded" => "done",
        "failed" => "failed",
        "cancelled" => "cancelled",
        _ => progress switch
        {
            >= 90 => "storing the new version",
            >= 70 => "validating the contract",
            >= 40 => "calling the model",
            >= 10 => "loading the analytics",
            _ => "starting",
        },
    };

    public static bool IsFinished(string status) => status is "succeeded" or "failed" or "cancelled";

    /// <summary>Explanations can be paragraphs; the version list shows the start of the first line.</summary>
    public static string Excerpt(string? text, int length = 90)
    {
        var line = (text ?? "").Split('\n', 2)[0].Trim();
        return line.Length <= length ? line : line[..length] + "…";
    }

    /// <summary>A changed value on one line: strings as they are, anything else as compact JSON; absent as a dash.</summary>
    public static string Value(JsonNode? value) => value switch
    {
        null => "—",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(Compact),
    };

    /// <summary>Changes to the contract's meta (path, model, explanation, analytics) differ with every generation; the UI's are the news.</summary>
    public static bool IsMeta(ApiContractChange change) => change.Path == "/meta" || change.Path.StartsWith(MetaPrefix, StringComparison.Ordinal);

    public static string Pretty(JsonNode? json) => json?.ToJsonString(Indented) ?? "(no JSON)";

    public static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Seconds(double seconds) => seconds.ToString("0", CultureInfo.InvariantCulture) + " s";

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
