using Platform.Api.Infrastructure;
using Platform.Core.Interactions;

namespace Platform.Api.Interactions;

/// <summary>POST /api/interactions/{id}/feedback; a member left out keeps what is stored.</summary>
public sealed record InteractionFeedbackRequest(
    string? Verdict = null, string? Rating = null, double? QualityScore = null, string? Comment = null, string? EditedText = null)
{
    public const int MaxCommentChars = 2000;
    private static readonly string[] Ratings = ["thumbs_up", "thumbs_down"];

    internal Validation Validate() => new Validation()
        .Require(Verdict is null || InteractionVerdicts.All.Contains(Verdict), "verdict", $"must be one of {string.Join(", ", InteractionVerdicts.All)}.")
        .Require(Rating is null || Ratings.Contains(Rating), "rating", $"must be one of {string.Join(", ", Ratings)}.")
        .Require(QualityScore is null or (>= 0 and <= 100), "qualityScore", "must be between 0 and 100.")
        .Text(Comment, "comment", MaxCommentChars, required: false)
        .Require(EditedText is null || EditedText.Length <= EditDistance.MaxChars, "editedText",
            $"is {EditedText?.Length} characters; the limit is {EditDistance.MaxChars} (the edit distance is computed on it).")
        .Require(Verdict is not null || Rating is not null || QualityScore is not null || Comment is not null || EditedText is not null,
            "verdict", "the body must set at least one of verdict, rating, qualityScore, comment, editedText.");

    public InteractionFeedback ToFeedback() => new(Verdict, Rating, QualityScore, Comment, EditedText);
}
