using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Interactions;

/// <summary>
/// Feedback on one interaction; a null member leaves what is stored. Rating is the thumbs column the job outputs'
/// feedback writes too, so both endpoints show the same judgement.
/// </summary>
public sealed record InteractionFeedback(
    string? Verdict = null, string? Rating = null, double? QualityScore = null, string? Comment = null, string? EditedText = null);

public enum FeedbackOutcome
{
    Applied,
    NotFound,
    /// <summary>The stored response is over <see cref="EditDistance.MaxChars"/>: no edit distance, nothing changed.</summary>
    ResponseTooLong,
}

public sealed class InteractionFeedbackStore(PlatformDbContext db, TimeProvider time)
{
    /// <summary>
    /// Applies <paramref name="feedback"/> to the interaction <paramref name="id"/> if <paramref name="visible"/> holds it;
    /// NotFound when it does not. An edited text without a verdict means the user modified the answer.
    /// </summary>
    public async Task<FeedbackOutcome> ApplyAsync(IQueryable<Interaction> visible, Guid id, InteractionFeedback feedback, CancellationToken cancellationToken)
    {
        if (!await visible.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return FeedbackOutcome.NotFound;
        }
        var record = await db.Interactions.FirstAsync(i => i.Id == id, cancellationToken);
        if (feedback.EditedText is not null && record.Response?.Length > EditDistance.MaxChars)
        {
            return FeedbackOutcome.ResponseTooLong;
        }
        record.Verdict = feedback.Verdict ?? (feedback.EditedText is null ? record.Verdict : InteractionVerdicts.Modified);
        record.Feedback = feedback.Rating ?? record.Feedback;
        record.QualityScore = feedback.QualityScore ?? record.QualityScore;
        record.FeedbackComment = StorableText.Clean(feedback.Comment) ?? record.FeedbackComment;
        if (feedback.EditedText is { } edited)
        {
            record.EditDistance = EditDistance.Between(record.Response ?? "", edited);
        }
        record.FeedbackAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return FeedbackOutcome.Applied;
    }
}
