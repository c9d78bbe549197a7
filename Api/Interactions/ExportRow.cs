using System.Linq.Expressions;
using Platform.Core.Interactions;

namespace Platform.Api.Interactions;

/// <summary>
/// One exported interaction: every recorded field with full texts (the export is the bulk read, not a preview).
/// Status is the stored one as read; <see cref="Viewed"/> gives the client view.
/// </summary>
public sealed record ExportRow(
    Guid Id, DateTime CreatedAt, DateTime? CompletedAt, string Type, string Status, string? Source, string? Model, string? ModelRequested,
    string? Provider, string? PromptVersion, string? RenderedPrompt, string? InputVariables, string? Response, string? ErrorType,
    string? ErrorMessage, int? InputTokens, int? OutputTokens, int? TotalTokens, double? CostUsd, double? ProcessingTimeMs,
    double? TimeToFirstTokenMs, string? Feedback, string? Verdict, string? FeedbackComment, double? QualityScore, int? EditDistance, string? MissingVariables,
    string? Metadata, Guid? OwnerUserId, string? EndUserId, string? SessionId, string? TraceId)
{
    public ExportRow Viewed() => this with { Status = InteractionStatusView.Of(Status, Response) };

    public static readonly Expression<Func<Interaction, ExportRow>> FromInteraction = i => new ExportRow(
        i.Id, i.CreatedAt, i.CompletedAt, i.Type, i.Status,
        i.Source, i.Model, i.ModelRequested, i.Provider, i.PromptVersion, i.RenderedPrompt, i.InputVariablesJson, i.Response, i.ErrorType,
        i.ErrorMessage, i.InputTokens, i.OutputTokens, i.TotalTokens, i.CostUsd, i.LatencyMs, i.TimeToFirstTokenMs,
        i.Feedback, i.Verdict, i.FeedbackComment, i.QualityScore, i.EditDistance, i.MissingVariablesJson, i.MetadataJson, i.OwnerUserId, i.EndUserId, i.SessionId, i.TraceId);
}
