using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Core.Interactions;

/// <summary>
/// What a caller may attach to a chat or a job so its record can be found and judged later: a type, the prompt's
/// version, free metadata tags and the variables that must be present. Bounded so a record stays a record.
/// </summary>
public sealed record InteractionLabels(
    string? Type = null, string? PromptVersion = null, IReadOnlyDictionary<string, string>? Metadata = null,
    IReadOnlyList<string>? RequiredVariables = null)
{
    public const int MaxTypeChars = 32;
    public const int MaxPromptVersionChars = 100;
    public const int MaxMetadataEntries = 50;
    public const int MaxMetadataKeyChars = 100;
    public const int MaxMetadataValueChars = 1000;
    public const int MaxRequiredVariables = 100;
    public const int MaxVariableNameChars = 100;

    /// <summary>Lowercase words joined by _ or -, as the built-in types (chat, job, contract, playground) are.</summary>
    private static readonly Regex TypePattern = new("^[a-z][a-z0-9_-]*$", RegexOptions.CultureInvariant);

    /// <summary>Field name to message for each problem; empty when the labels are acceptable.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (Type is not null && (Type.Length > MaxTypeChars || !TypePattern.IsMatch(Type)))
        {
            yield return ("type", $"must be a lowercase name (a-z, 0-9, _ and -, starting with a letter) of at most {MaxTypeChars} characters.");
        }
        if (PromptVersion is not null && (PromptVersion.Length is 0 or > MaxPromptVersionChars || string.IsNullOrWhiteSpace(PromptVersion)))
        {
            yield return ("promptVersion", $"must be 1 to {MaxPromptVersionChars} characters.");
        }
        if (Metadata is not null)
        {
            if (Metadata.Count > MaxMetadataEntries)
            {
                yield return ("metadata", $"must hold at most {MaxMetadataEntries} entries.");
            }
            foreach (var (key, value) in Metadata.Take(MaxMetadataEntries + 1))
            {
                if (key.Length is 0 or > MaxMetadataKeyChars || value is null || value.Length > MaxMetadataValueChars)
                {
                    yield return ("metadata", $"keys must be 1 to {MaxMetadataKeyChars} characters and values at most {MaxMetadataValueChars}.");
                    break;
                }
            }
        }
        if (RequiredVariables is not null)
        {
            if (RequiredVariables.Count > MaxRequiredVariables)
            {
                yield return ("requiredVariables", $"must hold at most {MaxRequiredVariables} names.");
            }
            else if (RequiredVariables.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxVariableNameChars))
            {
                yield return ("requiredVariables", $"names must be 1 to {MaxVariableNameChars} characters.");
            }
        }
    }

    public string? MetadataJson => Metadata is { Count: > 0 } metadata ? JsonSerializer.Serialize(metadata) : null;

    /// <summary>
    /// The required variables that <paramref name="isPresent"/> says are absent, joined with those the template
    /// already found missing; distinct, in order of first mention.
    /// </summary>
    public IReadOnlyList<string> Missing(Func<string, bool> isPresent, IEnumerable<string>? alreadyMissing = null) =>
        (alreadyMissing ?? []).Concat((RequiredVariables ?? []).Where(v => !isPresent(v))).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Stored as null when nothing is missing, so "all variables present" is a plain IS NULL on both providers.</summary>
    public static string? MissingJson(IReadOnlyList<string> missing) => missing.Count == 0 ? null : JsonSerializer.Serialize(missing);

    public static bool AllPresent(string? missingVariablesJson) => missingVariablesJson is null or "[]";
}
