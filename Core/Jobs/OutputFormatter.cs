using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Core.Jobs;

public static partial class OutputFormatter
{
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FormattedOutput Format(OutputFormat format, string text) => format switch
    {
        OutputFormat.Json => Json(text),
        OutputFormat.Markdown => new FormattedOutput(null, MarkdownRenderer.ToHtml(text), null),
        OutputFormat.Html => new FormattedOutput(null, OutputSanitizer.Sanitize(text), null),
        _ => new FormattedOutput(null, null, null),
    };

    /// <summary>
    /// Models wrap JSON in a fenced block and often in prose too: the first fenced block is taken if there is one.
    /// Otherwise the whole answer, and failing that the span from the first { or [ to the last } or ].
    /// </summary>
    public static FormattedOutput Json(string text)
    {
        var fence = Fence().Match(text);
        var candidate = fence.Success ? fence.Groups["body"].Value : text;
        if (TryParse(candidate, out var json, out var error))
        {
            return new FormattedOutput(json, null, null);
        }
        if (!fence.Success && Embedded(text) is { } embedded && TryParse(embedded, out json, out _))
        {
            return new FormattedOutput(json, null, null);
        }
        return new FormattedOutput(null, null, $"The model's answer is not valid JSON: {error}");
    }

    private static bool TryParse(string candidate, out string? json, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(candidate.Trim());
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
            {
                document.WriteTo(writer);
            }
            (json, error) = (System.Text.Encoding.UTF8.GetString(buffer.ToArray()), null);
            return true;
        }
        catch (JsonException e)
        {
            (json, error) = (null, e.Message);
            return false;
        }
    }

    private static string? Embedded(string text)
    {
        var start = text.IndexOfAny(['{', '[']);
        var end = text.LastIndexOfAny(['}', ']']);
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }

    [GeneratedRegex(@"```[ \t]*[\w+-]*[ \t]*\r?\n(?<body>.*?)\r?\n?[ \t]*```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
