using Platform.Api.Infrastructure;
using Platform.Core.Interactions;

namespace Platform.Api.Jobs;

public sealed record OutputListQuery(
    string? Status = null, string? Model = null, string? Template = null, string? Format = null, string? Feedback = null,
    int? Limit = null, string? Cursor = null)
{
    private static readonly string[] Statuses = [InteractionStatus.Pending, InteractionStatus.Processing, InteractionStatus.Completed, InteractionStatus.Failed];
    private static readonly string[] Formats = ["text", "json", "markdown", "html"];

    /// <summary>Feedback filter values: a rating, or none for outputs nobody rated.</summary>
    public static readonly string[] FeedbackValues = [OutputFeedback.ThumbsUp, OutputFeedback.ThumbsDown, OutputFeedback.None];

    internal Validation Validate(int maxPageSize, out Guid? cursor) => new Validation()
        .Require(Status is null || Statuses.Contains(Status), "status", $"must be one of {string.Join(", ", Statuses)}.")
        .Require(Format is null || Formats.Contains(Format), "format", $"must be one of {string.Join(", ", Formats)}.")
        .Require(Feedback is null || FeedbackValues.Contains(Feedback), "feedback", $"must be one of {string.Join(", ", FeedbackValues)}.")
        .PageSize(Limit, maxPageSize)
        .Require(Jobs.Cursor.TryDecode(Cursor, out cursor), "cursor", "is not a cursor this API returned.");
}

public static class OutputFeedback
{
    public const string ThumbsUp = "thumbs_up";
    public const string ThumbsDown = "thumbs_down";
    public const string None = "none";
}
