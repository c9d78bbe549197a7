namespace Platform.Api.Tracker;

/// <summary>
/// What a minifier would safely do without parsing JavaScript: drop full-line <c>//</c> comments, indentation and
/// blank lines. Line breaks stay, so automatic semicolon insertion reads the code as written.
/// </summary>
internal static class ScriptCompactor
{
    public static string Compact(string source) =>
        string.Join('\n', source.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))) + "\n";
}
