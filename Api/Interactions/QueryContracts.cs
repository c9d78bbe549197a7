namespace Platform.Api.Interactions;

/// <summary>A list item: the texts cut to previews (Limits:PreviewChars) with their full lengths; the rest comes from GET /api/interactions/{id}.</summary>
public sealed record InteractionSummary(
    Guid Id, string Type, string Status, string? Source, string? Model, string? ModelRequested, string? Provider, string? PromptVersion,
    string? PromptPreview, int? PromptLength, string? ResponsePreview, int? ResponseLength, string? ErrorMessage,
    int? InputTokens, int? OutputTokens, int? TotalTokens, double? CostUsd, double? ProcessingTimeMs,
    string? Feedback, string? Verdict, double? QualityScore, bool AllVariablesPresent, Guid? OwnerUserId, DateTime CreatedAt, DateTime? CompletedAt);

public sealed record InteractionFailure(
    Guid Id, string Type, string Status, string? Model, string? Provider, string? ErrorType, string? ErrorMessage,
    string? PromptPreview, string? InputVariablesPreview, Guid? OwnerUserId, DateTime CreatedAt);

public sealed record MissingVariableCount(string Variable, long Count, DateTime LastSeen);

/// <summary>How the missing variables were counted: over the newest <see cref="Scanned"/> incomplete records.</summary>
public sealed record DataQualityIssues(IReadOnlyList<MissingVariableCount> Variables, long IncompleteRecords, int Scanned);
