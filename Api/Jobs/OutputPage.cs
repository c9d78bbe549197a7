using Microsoft.EntityFrameworkCore;
using Platform.Core.Interactions;

namespace Platform.Api.Jobs;

/// <summary>A page of the outputs list: the large texts are cut to previews by the database, never read whole.</summary>
internal static class OutputPage
{
    public static Task<List<OutputSummary>> ReadAsync(IQueryable<Interaction> outputs, int limit, int previewChars, CancellationToken ct) =>
        outputs.OrderByDescending(o => o.Id).Take(limit).Select(o => new OutputSummary(
                o.Id, o.JobId, o.OwnerUserId,
                o.Template!.Substring(0, previewChars), o.Template == null ? null : o.Template.Length,
                o.Model ?? o.ModelRequested, o.Provider, o.OutputFormat,
                o.RenderedPrompt!.Substring(0, previewChars), o.RenderedPrompt == null ? null : o.RenderedPrompt.Length,
                o.Response!.Substring(0, previewChars), o.Response == null ? null : o.Response.Length,
                o.Status, o.Feedback, o.FeedbackComment,
                o.MissingVariablesJson == null || o.MissingVariablesJson == "[]",
                o.ParentId, o.ErrorMessage,
                o.InputTokens == null && o.OutputTokens == null ? null : new OutputUsage(o.InputTokens, o.OutputTokens, o.TotalTokens),
                o.CostUsd, o.LatencyMs, o.Attempts, o.CreatedAt, o.CompletedAt))
            .ToListAsync(ct);
}
