using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Api.Jobs;

public sealed record FeedbackRequest(string Feedback, string? Comment = null);

public sealed record RegenerateRequest(JsonObject? Context = null, string? Model = null);

public sealed record OutputUsage(int? InputTokens, int? OutputTokens, int? TotalTokens);

/// <summary>
/// A job's output, as GET /api/outputs/{id} writes it (see <see cref="OutputDocument"/>). <see cref="ParsedOutput"/>:
/// the parsed JSON value (json), sanitized HTML (markdown, html) or the text itself (text); null until completed.
/// </summary>
public sealed record OutputResponse(
    Guid Id, Guid? JobId, Guid? UserId, string? Template, string? Model, string? Provider, JsonObject? Context, string? Format,
    string? Prompt, string? RawResponse, JsonNode? ParsedOutput, string Status, string? Feedback, string? FeedbackComment,
    IReadOnlyList<string> MissingVariables, bool AllVariablesPresent, Guid? ParentId, string? Error, OutputUsage? Usage,
    double? CostUsd, double? LatencyMs, int Attempts, DateTime CreatedAt, DateTime? CompletedAt);

/// <summary>Everything of an output but its three large texts (prompt, raw and parsed answer), which are streamed after it.</summary>
internal sealed record OutputHead(
    Guid Id, Guid? JobId, Guid? UserId, string? Template, string? Model, string? Provider, JsonElement? Context, string? Format,
    string Status, string? Feedback, string? FeedbackComment, IReadOnlyList<string> MissingVariables, bool AllVariablesPresent,
    Guid? ParentId, string? Error, OutputUsage? Usage, double? CostUsd, double? LatencyMs, int Attempts, DateTime CreatedAt,
    DateTime? CompletedAt);

/// <summary>
/// An output in a list: <see cref="Template"/>, <see cref="Prompt"/> and <see cref="Content"/> (the raw answer) are
/// previews of at most Limits:PreviewChars characters; the lengths are of the full texts. Both count Unicode
/// characters (code points), as the databases do.
/// </summary>
public sealed record OutputSummary(
    Guid Id, Guid? JobId, Guid? UserId, string? Template, int? TemplateLength, string? Model, string? Provider, string? Format,
    string? Prompt, int? PromptLength, string? Content, int? ContentLength, string Status, string? Feedback, string? FeedbackComment,
    bool AllVariablesPresent, Guid? ParentId, string? Error, OutputUsage? Usage, double? CostUsd, double? LatencyMs, int Attempts,
    DateTime CreatedAt, DateTime? CompletedAt);
