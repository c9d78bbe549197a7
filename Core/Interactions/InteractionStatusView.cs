namespace Platform.Core.Interactions;

/// <summary>
/// The status clients see: the stored lifecycle status folded into success | failure | partial once a call has ended
/// (a failed call that still produced text is partial). Pending and processing are shown as they are.
/// </summary>
public static class InteractionStatusView
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Partial = "partial";

    public static string Of(string status, string? response) => status switch
    {
        InteractionStatus.Completed => Success,
        InteractionStatus.Failed => string.IsNullOrEmpty(response) ? Failure : Partial,
        _ => status,
    };
}
