using System.Text.Json;

namespace Platform.Api.Interactions;

/// <summary>Reads a stored missing-variables list (a JSON array of names); anything else counts as no names.</summary>
internal static class MissingVariables
{
    public static IEnumerable<string> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<string[]>(json)?.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
