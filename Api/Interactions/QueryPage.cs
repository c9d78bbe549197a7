using Microsoft.EntityFrameworkCore;
using Platform.Core.Interactions;

namespace Platform.Api.Interactions;

/// <summary>
/// A page of the interaction log, newest (or oldest) first by creation time, keyset-paged on (created_at, id) so
/// that the indexes ending in created_at (owner, status, model, the time range) read a page in order and stop
/// after it, instead of sorting every matching row. The cursor stays the last row's id; its creation time is
/// looked up. The large texts are cut to previews by the database, never read whole.
/// </summary>
internal static class QueryPage
{
    public const string Newest = "newest";
    public const string Oldest = "oldest";
    public static readonly string[] Sorts = [Newest, Oldest];

    /// <param name="all">Every interaction, to find the cursor row even when it no longer matches the filter.</param>
    public static async Task<List<InteractionSummary>> ReadAsync(
        IQueryable<Interaction> rows, IQueryable<Interaction> all, string sort, Guid? after, int limit, int previewChars, CancellationToken ct)
    {
        DateTime? at = null;
        if (after is { } id)
        {
            at = await all.Where(i => i.Id == id).Select(i => (DateTime?)i.CreatedAt).FirstOrDefaultAsync(ct);
            if (at is null)
            {
                return [];
            }
        }
        if (sort == Oldest)
        {
            // The redundant created_at bound gives the planner a range on the index; the OR alone it may not use.
            rows = at is { } t ? rows.Where(i => i.CreatedAt >= t && (i.CreatedAt > t || i.Id > after!.Value)) : rows;
            rows = rows.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id);
        }
        else
        {
            rows = at is { } t ? rows.Where(i => i.CreatedAt <= t && (i.CreatedAt < t || i.Id < after!.Value)) : rows;
            rows = rows.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id);
        }
        var page = await rows.Take(limit).Select(i => new InteractionSummary(
                i.Id, i.Type, i.Status,
                i.Source, i.Model ?? i.ModelRequested, i.ModelRequested, i.Provider, i.PromptVersion,
                i.RenderedPrompt!.Substring(0, previewChars), i.RenderedPrompt == null ? null : i.RenderedPrompt.Length,
                i.Response!.Substring(0, previewChars), i.Response == null ? null : i.Response.Length,
                i.ErrorMessage!.Substring(0, previewChars),
                i.InputTokens, i.OutputTokens, i.TotalTokens, i.CostUsd, i.LatencyMs,
                i.Feedback, i.Verdict, i.QualityScore, i.MissingVariablesJson == null || i.MissingVariablesJson == "[]",
                i.OwnerUserId, i.CreatedAt, i.CompletedAt))
            .ToListAsync(ct);
        // A preview is empty exactly when the response is, so it tells partial from failure.
        return page.ConvertAll(s => s with { Status = InteractionStatusView.Of(s.Status, s.ResponsePreview) });
    }
}
