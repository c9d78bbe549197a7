using System.Text.Json;
using Platform.Core.Interactions;

namespace Platform.Api.Interactions;

/// <summary>
/// GET /api/interactions/{id}: the whole record. Status is the API's view (success | failure | partial, or
/// pending | processing while a job waits); storedStatus is the column as written.
/// </summary>
public sealed record InteractionDetail(
    Guid Id, string Type, string Status, string StoredStatus, string? Source,
    string? Prompt, JsonElement? Messages, JsonElement? InputVariables, string? Response, JsonElement? StructuredOutput, string? FinishReason,
    InteractionError? Error, string? ModelRequested, string? Model, bool FallbackUsed, string? Provider, string? PromptVersion,
    InteractionTokens Tokens, double? CostUsd, double? ProcessingTimeMs, double? TimeToFirstTokenMs, bool CacheHit, bool Streamed, int Attempts,
    InteractionFeedbackView Feedback, IReadOnlyDictionary<string, string> Metadata, bool AllVariablesPresent, IReadOnlyList<string> MissingVariables,
    Guid? OwnerUserId, string? EndUserId, string? SessionId, string? TraceId, Guid? ParentId, Guid? JobId, string? Template, string? OutputFormat,
    DateTime CreatedAt, DateTime? CompletedAt)
{
    public static InteractionDetail From(Interaction i)
    {
        var missing = Parse<List<string>>(i.MissingVariablesJson) ?? [];
        return new InteractionDetail(
            i.Id, i.Type, InteractionStatusView.Of(i), i.Status, i.Source,
            i.RenderedPrompt, Element(i.MessagesJson), Element(i.InputVariablesJson), i.Response, Element(i.StructuredOutputJson), i.FinishReason,
            i.ErrorType is null && i.ErrorMessage is null ? null : new InteractionError(i.ErrorType, i.ErrorMessage, i.ErrorDetails),
            i.ModelRequested, i.Model, IsFallback(i), i.Provider, i.PromptVersion,
            new InteractionTokens(i.InputTokens, i.CachedInputTokens, i.OutputTokens, i.TotalTokens),
            i.CostUsd, i.LatencyMs, i.TimeToFirstTokenMs, i.CacheHit, i.Streamed, i.Attempts,
            new InteractionFeedbackView(i.Verdict ?? InteractionVerdicts.None, i.Feedback, i.FeedbackComment, i.QualityScore, i.EditDistance, i.FeedbackAt),
            Parse<Dictionary<string, string>>(i.MetadataJson) ?? [], missing.Count == 0, missing,
            i.OwnerUserId, i.EndUserId, i.SessionId, i.TraceId, i.ParentId, i.JobId, i.Template, i.OutputFormat,
            i.CreatedAt, i.CompletedAt);
    }

    /// <summary>A fallback answered when the model that answered is not the one asked for (an alias resolving to itself is not one).</summary>
    private static bool IsFallback(Interaction i) =>
        i.ModelRequested is { } requested && i.Model is { } model && !string.Equals(requested, model, StringComparison.OrdinalIgnoreCase);

    private static JsonElement? Element(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Parsed output of a model that answered invalid JSON is stored as it came; show it as a string.
            return JsonSerializer.SerializeToElement(json);
        }
    }

    private static T? Parse<T>(string? json) where T : class
    {
        try
        {
            return json is null ? null : JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record InteractionError(string? Type, string? Message, string? Details);

public sealed record InteractionTokens(int? Input, int? CachedInput, int? Output, int? Total);

/// <param name="Verdict">no_feedback | accepted | rejected | modified.</param>
/// <param name="Rating">thumbs_up | thumbs_down, or null: the same value the outputs' feedback shows.</param>
public sealed record InteractionFeedbackView(string Verdict, string? Rating, string? Comment, double? QualityScore, int? EditDistance, DateTime? At);
