using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Web.Components.Outputs;

/// <summary>Checks the Regenerate form's context overrides before they are sent, with a message the user can act on.</summary>
internal static class ContextJson
{
    /// <summary>Blank text is no overrides (a null context); anything else must be a JSON object.</summary>
    public static bool TryParse(string? text, out JsonObject? context, out string? error)
    {
        (context, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        try
        {
            var node = JsonNode.Parse(text);
            if (node is JsonObject value)
            {
                context = value;
                return true;
            }
            error = $"Context overrides must be a JSON object, e.g. {{\"text\": \"…\"}}, not {Describe(node)}.";
        }
        catch (JsonException ex)
        {
            // The parser's message ends with zero-based positions; people count lines and columns from 1.
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd();
            error = ex.LineNumber is { } line
                ? $"Context overrides are not valid JSON (line {line + 1}, column {ex.BytePositionInLine + 1}): {reason}"
                : $"Context overrides are not valid JSON: {reason}";
        }
        return false;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "a boolean",
        },
    };
}
