using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Core.Jobs;

public sealed record RenderedTemplate(string Prompt, IReadOnlyList<string> MissingVariables)
{
    public bool AllVariablesPresent => MissingVariables.Count == 0;
}

/// <summary>
/// Fills <c>{{name}}</c> and <c>{{a.b}}</c> (a number segment indexes an array) from a JSON context in one pass:
/// substituted values are never scanned again, so a value that contains braces stays as it is. Strings go in as they
/// are, numbers and booleans as JSON text, objects and arrays as compact JSON. A missing or null variable is
/// reported and its placeholder left in the prompt exactly as written.
/// </summary>
public static partial class TemplateRenderer
{
    // Relaxed: this text goes to a model, not into HTML, so "é" and "<" stay readable.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static RenderedTemplate Render(string template, JsonObject? context) =>
        Render(template, context is null ? null : JsonSerializer.SerializeToElement(context));

    public static RenderedTemplate Render(string template, JsonElement? context) =>
        Render(template, context, int.MaxValue) ?? throw new InvalidOperationException("Unreachable: no length limit.");

    /// <summary>
    /// Null when the prompt would be longer than <paramref name="maxLength"/> characters: expansion stops there,
    /// so a small template that repeats a large value never builds the whole text.
    /// </summary>
    public static RenderedTemplate? Render(string template, JsonObject? context, int maxLength) =>
        Render(template, context is null ? null : JsonSerializer.SerializeToElement(context), maxLength);

    public static RenderedTemplate? Render(string template, JsonElement? context, int maxLength)
    {
        var missing = new List<string>();
        var prompt = new StringBuilder(Math.Min(template.Length, maxLength));
        var copied = 0;
        for (var match = Placeholder().Match(template); match.Success; match = match.NextMatch())
        {
            var path = match.Groups["path"].Value;
            string piece;
            if (context is { } root && Resolve(root, path) is { } value)
            {
                piece = Text(value);
            }
            else
            {
                if (!missing.Contains(path))
                {
                    missing.Add(path);
                }
                piece = match.Value;
            }
            if (!TryAppend(prompt, template.AsSpan(copied, match.Index - copied), maxLength) || !TryAppend(prompt, piece, maxLength))
            {
                return null;
            }
            copied = match.Index + match.Length;
        }
        return TryAppend(prompt, template.AsSpan(copied), maxLength) ? new RenderedTemplate(prompt.ToString(), missing) : null;
    }

    private static bool TryAppend(StringBuilder prompt, ReadOnlySpan<char> text, int maxLength)
    {
        if (text.Length > maxLength - prompt.Length)
        {
            return false;
        }
        prompt.Append(text);
        return true;
    }

    /// <summary>The variable paths a template uses, in order, once each.</summary>
    public static IReadOnlyList<string> Variables(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["path"].Value).Distinct().ToList();

    private static JsonElement? Resolve(JsonElement element, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return null;
            }
        }
        return element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : element;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Object or JsonValueKind.Array => JsonSerializer.Serialize(value, Compact),
        _ => value.GetRawText(),
    };

    [GeneratedRegex(@"\{\{\s*(?<path>[\p{L}\p{N}_\-]+(?:\.[\p{L}\p{N}_\-]+)*)\s*\}\}")]
    private static partial Regex Placeholder();
}
