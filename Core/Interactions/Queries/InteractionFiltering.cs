using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Interactions.Queries;

/// <summary>Turns an <see cref="InteractionFilter"/> into SQL; every condition is a plain column comparison the indexes can serve.</summary>
public static class InteractionFiltering
{
    public const char LikeEscape = '\\';

    public static IQueryable<Interaction> Apply(this IQueryable<Interaction> rows, InteractionFilter filter, bool postgres)
    {
        if (filter.OwnerUserId is { } owner) rows = rows.Where(i => i.OwnerUserId == owner);
        if (filter.From is { } from) rows = rows.Where(i => i.CreatedAt >= from);
        if (filter.To is { } to) rows = rows.Where(i => i.CreatedAt < to);
        if (filter.Type is { } type) rows = rows.Where(i => i.Type == type);
        if (filter.Status is { } status) rows = WithStatus(rows, status);
        if (filter.Feedback is { } feedback)
        {
            // A verdict and a thumbs rating live in two columns; no_feedback is a row with neither.
            rows = feedback == InteractionFilter.NoFeedback ? rows.Where(i => i.Feedback == null && i.Verdict == null)
                : InteractionVerdicts.All.Contains(feedback) ? rows.Where(i => i.Verdict == feedback)
                : rows.Where(i => i.Feedback == feedback);
        }
        if (filter.MinQuality is { } min) rows = rows.Where(i => i.QualityScore >= min);
        if (filter.MaxQuality is { } max) rows = rows.Where(i => i.QualityScore <= max);
        if (filter.Model is { } model) rows = rows.Where(i => i.Model == model || (i.Model == null && i.ModelRequested == model));
        if (filter.Provider is { } provider) rows = rows.Where(i => i.Provider == provider);
        if (filter.EndUserId is { } endUser) rows = rows.Where(i => i.EndUserId == endUser);
        if (filter.Text is { } text)
        {
            var pattern = "%" + EscapeLike(text) + "%";
            // SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE for the same answer.
            rows = postgres
                ? rows.Where(i => EF.Functions.ILike(i.RenderedPrompt!, pattern, LikeEscape.ToString()) || EF.Functions.ILike(i.Response!, pattern, LikeEscape.ToString()))
                : rows.Where(i => EF.Functions.Like(i.RenderedPrompt, pattern, LikeEscape.ToString()) || EF.Functions.Like(i.Response, pattern, LikeEscape.ToString()));
        }
        return rows;
    }

    public static IQueryable<Interaction> WithStatus(IQueryable<Interaction> rows, string status) =>
        rows.Where(InteractionStatusView.Filter(status) ?? (i => i.Status == status));

    /// <summary>The text searched for is literal: % and _ match themselves.</summary>
    public static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
