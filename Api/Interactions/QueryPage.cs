using Microsoft.EntityFrameworkCore;
using Platform.Core.Interactions;

namespace Platform.Api.Interactions;

/// <summary>
/// A page of the interaction log, keyset-paged on the time-ordered id: the large texts are cut to previews by the
/// database, never read whole.
/// </summary>
internal static class QueryPage
{
    public const string Newest = "newest";
    public const string Oldest = "oldest";
    public static readonly string[] Sorts = [Newest, Oldest];

    public static async Task<List<InteractionSummary>> ReadAsync(
        IQueryable<Interaction> rows, string sort, Guid? after, int limit, int previewChars, CancellationToken ct)
    {
        if (sort == Oldest)
        {
            rows = after is { } a ? rows.Where(i => i.Id > a) : rows;
            rows = rows.OrderBy(i => i.Id);
        }
        else
        {
            rows = after is { } b ? rows.Where(i => i.Id < b) : rows;
            rows = rows.OrderByDescending(i => i.Id);
        }
        var page = await rows.Take(limit).Select(i => new InteractionSummary(
                i.Id, i.Type, i.Status,
                i.Source, i.Model ?? i.ModelRequested, i.ModelRequested, i.Provider, i.PromptVersion,
                i.RenderedPrompt!.Substring(0, previewChars), i.RenderedPrompt == null ? null : i.RenderedPrompt.Length,
                i.Response!.Substring(0, previewChars), i.Response == null ? null : i.Response.Length,
                i.ErrorMessage!.Substring(0, previewChars),
                i.InputTokens, i.OutputTokens, i.TotalTokens, i.CostUsd, i.LatencyMs,
                i.Feedback, i.QualityScore, i.MissingVariablesJson == null || i.MissingVariablesJson == "[]",
                i.OwnerUserId, i.CreatedAt, i.CompletedAt))
            .ToListAsync(ct);
        // A preview is empty exactly when the response is, so it tells partial from failure.
        return page.ConvertAll(s => s with { Status = InteractionStatusView.Of(s.Status, s.ResponsePreview) });
    }
}
