namespace Platform.Core.Jobs;

public enum OutputFormat
{
    Text,
    Json,
    Markdown,
    Html,
}

/// <summary>
/// What a model's answer became. Json: <see cref="ParsedOutputJson"/> (compact). Markdown and html: <see cref="Html"/>,
/// sanitized, safe to embed (the raw text stays the interaction's response). Text: nothing beyond the raw text.
/// <see cref="Error"/> set means the answer is unusable and the attempt fails.
/// </summary>
public sealed record FormattedOutput(string? ParsedOutputJson, string? Html, string? Error)
{
    public bool Succeeded => Error is null;
}
