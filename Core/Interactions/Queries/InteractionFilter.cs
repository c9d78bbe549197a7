namespace Platform.Core.Interactions.Queries;

/// <summary>
/// The filters shared by the list, metrics and export of interactions, already validated. <see cref="OwnerUserId"/>
/// is the visibility rule (a member's own id) or an admin's userId filter; null means every owner.
/// </summary>
public sealed record InteractionFilter
{
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? Feedback { get; init; }
    public double? MinQuality { get; init; }
    public double? MaxQuality { get; init; }
    public string? Model { get; init; }
    public string? Provider { get; init; }
    public Guid? OwnerUserId { get; init; }
    public string? Text { get; init; }
    /// <summary>The product's own user (the chat's user field), as opposed to the platform user who owns the key.</summary>
    public string? EndUserId { get; init; }

    /// <summary>Status filter values: the client view plus the two in-flight states.</summary>
    public static readonly string[] StatusValues =
        [InteractionStatusView.Success, InteractionStatusView.Failure, InteractionStatusView.Partial, InteractionStatus.Pending, InteractionStatus.Processing];

    /// <summary>Feedback filter values; none matches records nobody rated.</summary>
    public static readonly string[] FeedbackValues = ["accepted", "rejected", "modified", "thumbs_up", "thumbs_down", NoFeedback];

    public const string NoFeedback = "no_feedback";
}
