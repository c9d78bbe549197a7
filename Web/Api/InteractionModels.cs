using System.Text.Json;

namespace Platform.Web.Api;

// Interactions (/api/interactions): the record of every LLM call, its metrics, failures and data quality.

/// <summary>A row of the log; the texts are previews, their full lengths beside them.</summary>
public sealed record ApiInteractionSummary(
    Guid Id, string Type, string Status, string? Source, string? Model, string? ModelRequested, string? Provider, string? PromptVersion,
    string? PromptPreview, int? PromptLength, string? ResponsePreview, int? ResponseLength, string? ErrorMessage,
    int? InputTokens, int? OutputTokens, int? TotalTokens, double? CostUsd, double? ProcessingTimeMs,
    string? Feedback, string? Verdict, double? QualityScore, bool AllVariablesPresent, Guid? OwnerUserId, DateTime CreatedAt, DateTime? CompletedAt);

/// <summary>GET /api/interactions/{id}: the whole record.</summary>
public sealed record ApiInteraction(
    Guid Id, string Type, string Status, string StoredStatus, string? Source,
    string? Prompt, JsonElement? Messages, JsonElement? InputVariables, string? Response, JsonElement? StructuredOutput, string? FinishReason,
    ApiInteractionError? Error, string? ModelRequested, string? Model, bool FallbackUsed, string? Provider, string? PromptVersion,
    ApiInteractionTokens Tokens, double? CostUsd, double? ProcessingTimeMs, double? TimeToFirstTokenMs, bool CacheHit, bool Streamed, int Attempts,
    ApiInteractionFeedback Feedback, IReadOnlyDictionary<string, string>? Metadata, bool AllVariablesPresent, IReadOnlyList<string>? MissingVariables,
    Guid? OwnerUserId, string? EndUserId, string? SessionId, string? TraceId, Guid? ParentId, Guid? JobId, string? Template, string? OutputFormat,
    DateTime CreatedAt, DateTime? CompletedAt);

public sealed record ApiInteractionError(string? Type, string? Message, string? Details);

public sealed record ApiInteractionTokens(int? Input, int? CachedInput, int? Output, int? Total);

/// <summary><paramref name="Verdict"/>: no_feedback | accepted | rejected | modified; <paramref name="Rating"/>: thumbs_up | thumbs_down.</summary>
public sealed record ApiInteractionFeedback(string Verdict, string? Rating, string? Comment, double? QualityScore, int? EditDistance, DateTime? At);

/// <summary>POST /api/interactions/{id}/feedback; nulls are left out and keep what is stored.</summary>
public sealed record ApiInteractionFeedbackRequest(
    string? Verdict = null, string? Rating = null, double? QualityScore = null, string? Comment = null, string? EditedText = null);

public sealed record ApiInteractionMetrics(
    long Total, double SuccessRate, double FailureRate, double PartialRate,
    ApiLatencySummary ProcessingTimeMs, double TotalCostUsd, long TotalTokens,
    IReadOnlyDictionary<string, long> ByType, IReadOnlyDictionary<string, long> ByModel, IReadOnlyDictionary<string, long> ByStatus,
    IReadOnlyDictionary<string, long> Feedback, double? DataQualityRate, double? AverageQualityScore,
    string Bucket, IReadOnlyList<ApiMetricsBucket> Series);

public sealed record ApiLatencySummary(double? Avg, double? P50, double? P95);

public sealed record ApiMetricsBucket(DateTime Start, long Count, long Failures, double CostUsd, double? P95LatencyMs);

public sealed record ApiInteractionFailure(
    Guid Id, string Type, string Status, string? Model, string? Provider, string? ErrorType, string? ErrorMessage,
    string? PromptPreview, string? InputVariablesPreview, Guid? OwnerUserId, DateTime CreatedAt);

public sealed record ApiMissingVariableCount(string Variable, long Count, DateTime LastSeen);

/// <summary>The variables were counted over the newest <paramref name="Scanned"/> of <paramref name="IncompleteRecords"/>.</summary>
public sealed record ApiDataQualityIssues(IReadOnlyList<ApiMissingVariableCount> Variables, long IncompleteRecords, int Scanned);
