using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Web.Api;

// Outputs (/api/outputs): what a job produced, with the user's feedback.

public sealed record ApiOutput(
    Guid Id,
    Guid? JobId,
    Guid? UserId,
    string? Template,
    string? Model,
    string? Provider,
    JsonElement? Context,
    string? Format,
    string? Prompt,
    string? RawResponse,
    JsonElement? ParsedOutput,
    string Status,
    string? Feedback,
    string? FeedbackComment,
    IReadOnlyList<string>? MissingVariables,
    bool AllVariablesPresent,
    Guid? ParentId,
    string? Error,
    ApiOutputUsage? Usage,
    double? CostUsd,
    double? LatencyMs,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);

/// <summary>
/// An output in GET /api/outputs: <paramref name="Template"/>, <paramref name="Prompt"/> and <paramref name="Content"/>
/// are previews (the Api's Limits:PreviewChars); the lengths are of the full texts, which only the detail carries.
/// </summary>
public sealed record ApiOutputSummary(
    Guid Id,
    Guid? JobId,
    string? Template,
    int? TemplateLength,
    string? Model,
    string? Format,
    string? Prompt,
    int? PromptLength,
    string? Content,
    int? ContentLength,
    string Status,
    string? Feedback,
    double? CostUsd,
    DateTimeOffset CreatedAt);

/// <summary>Null counts: the provider did not report them.</summary>
public sealed record ApiOutputUsage(long? InputTokens, long? OutputTokens, long? TotalTokens);

/// <summary><paramref name="Feedback"/>: thumbs_up, thumbs_down or none (clears it).</summary>
public sealed record ApiFeedbackRequest(string Feedback, string? Comment = null);

/// <summary>Both optional: the context keys given replace the original's, the model replaces its model.</summary>
public sealed record ApiRegenerateRequest(JsonObject? Context = null, string? Model = null);

/// <summary>GET /api/outputs filters; nulls are left out of the query.</summary>
public sealed record OutputQuery(
    string? Status = null,
    string? Format = null,
    string? Feedback = null,
    int? Limit = null,
    string? Cursor = null);
