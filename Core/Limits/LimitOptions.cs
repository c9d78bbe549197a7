namespace Platform.Core.Limits;

/// <summary>
/// Caps on every size a client controls (section <c>Limits</c>). Each one protects the Api's memory: a request
/// over a cap is refused (400 or 413 naming the setting) before anything grows with it.
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>Body size of endpoints without a limit of their own (the chat endpoints use Llm:MaxRequestBytes).</summary>
    public long MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Body size of POST /api/jobs and /api/outputs/{id}/regenerate.</summary>
    public long MaxJobRequestBytes { get; set; } = 1024 * 1024;

    public int MaxTemplateChars { get; set; } = 100_000;

    /// <summary>A job's context as compact UTF-8 JSON; also the merged context of a regeneration.</summary>
    public int MaxContextBytes { get; set; } = 256 * 1024;

    /// <summary>Nesting of objects and arrays in a context.</summary>
    public int MaxContextDepth { get; set; } = 32;

    /// <summary>The prompt a template renders to; placeholders can repeat a value, so this is checked after expansion.</summary>
    public int MaxPromptChars { get; set; } = 500_000;

    /// <summary>Messages in one chat request.</summary>
    public int MaxMessages { get; set; } = 500;

    /// <summary>Largest <c>limit</c> a list accepts.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>Characters of a prompt, template or answer a list shows; the full text comes from the single-item endpoint.</summary>
    public int PreviewChars { get; set; } = 200;

    /// <summary>Null when valid, else the message naming the setting.</summary>
    public string? Problem() =>
        MaxRequestBytes < 1024 ? $"{Section}:MaxRequestBytes must be at least 1024."
        : MaxJobRequestBytes < 1024 ? $"{Section}:MaxJobRequestBytes must be at least 1024."
        : MaxTemplateChars < 1 ? $"{Section}:MaxTemplateChars must be at least 1."
        : MaxContextBytes < 2 ? $"{Section}:MaxContextBytes must be at least 2."
        : MaxContextDepth is < 1 or > 64 ? $"{Section}:MaxContextDepth must be between 1 and 64 (the JSON reader's own depth limit)."
        : MaxPromptChars < MaxTemplateChars ? $"{Section}:MaxPromptChars must be at least MaxTemplateChars."
        : MaxMessages < 1 ? $"{Section}:MaxMessages must be at least 1."
        : MaxPageSize < 1 ? $"{Section}:MaxPageSize must be at least 1."
        : PreviewChars < 1 ? $"{Section}:PreviewChars must be at least 1."
        : null;
}
