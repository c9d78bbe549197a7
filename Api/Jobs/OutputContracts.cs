using System.Text.Json.Nodes;
using Platform.Core.Interactions;
using Platform.Core.Jobs.Llm;

namespace Platform.Api.Jobs;

public sealed record FeedbackRequest(string Feedback, string? Comment = null);

public sealed record RegenerateRequest(JsonObject? Context = null, string? Model = null);

public sealed record OutputUsage(int? InputTokens, int? OutputTokens, int? TotalTokens);

/// <summary>
/// A job's output. <see cref="ParsedOutput"/>: the parsed JSON value (json), sanitized HTML (markdown, html) or the
/// text itself (text); null until completed.
/// </summary>
public sealed record OutputResponse(
    Guid Id, Guid? JobId, Guid? UserId, string? Template, string? Model, string? Provider, JsonObject? Context, string? Format,
    string? Prompt, string? RawResponse, JsonNode? ParsedOutput, string Status, string? Feedback, string? FeedbackComment,
    IReadOnlyList<string> MissingVariables, bool AllVariablesPresent, Guid? ParentId, string? Error, OutputUsage? Usage,
    double? CostUsd, double? LatencyMs, int Attempts, DateTime CreatedAt, DateTime? CompletedAt)
{
    public static OutputResponse From(Interaction output)
    {
        var missing = LlmJobService.MissingVariables(output);
        return new(
            output.Id, output.JobId, output.OwnerUserId, output.Template, output.Model ?? output.ModelRequested, output.Provider,
            LlmJobService.ContextOf(output), output.OutputFormat, output.RenderedPrompt, output.Response, Parsed(output), output.Status,
            output.Feedback, output.FeedbackComment, missing, missing.Count == 0, output.ParentId,
            output.ErrorMessage,
            output.InputTokens is null && output.OutputTokens is null ? null : new OutputUsage(output.InputTokens, output.OutputTokens, output.TotalTokens),
            output.CostUsd, output.LatencyMs, output.Attempts, output.CreatedAt, output.CompletedAt);
    }

    private static JsonNode? Parsed(Interaction output)
    {
        if (output.Status != InteractionStatus.Completed)
        {
            return null;
        }
        return output.OutputFormat switch
        {
            "json" => output.StructuredOutputJson is { } json ? JsonNode.Parse(json) : null,
            "markdown" or "html" => JsonValue.Create(output.RenderedHtml),
            _ => output.Response is { } text ? JsonValue.Create(text) : null,
        };
    }

}
