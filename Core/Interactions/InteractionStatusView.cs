using System.Linq.Expressions;

namespace Platform.Core.Interactions;

/// <summary>
/// The status the API shows (success | failure | partial, or pending | processing while a job runs) for the stored
/// status (pending | processing | completed | failed). Stored values stay as they are so the job system keeps its
/// vocabulary; "partial" is a failure that still produced some text (a stream cut off after its first tokens).
/// </summary>
public static class InteractionStatusView
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Partial = "partial";
    public const string Pending = InteractionStatus.Pending;
    public const string Processing = InteractionStatus.Processing;

    /// <summary>Every value <see cref="Of(Interaction)"/> can answer, for filter validation.</summary>
    public static readonly IReadOnlyList<string> All = [Success, Failure, Partial, Pending, Processing];

    public static string Of(Interaction i) => Of(i.Status, i.Response);

    public static string Of(string storedStatus, string? response) => storedStatus switch
    {
        InteractionStatus.Completed => Success,
        InteractionStatus.Failed => string.IsNullOrEmpty(response) ? Failure : Partial,
        _ => storedStatus,
    };

    /// <summary>
    /// The reverse mapping as a translatable predicate, for <c>?status=</c> filters on both providers;
    /// null when <paramref name="view"/> is not one of <see cref="All"/>.
    /// </summary>
    public static Expression<Func<Interaction, bool>>? Filter(string view) => view switch
    {
        Success => i => i.Status == InteractionStatus.Completed,
        Failure => i => i.Status == InteractionStatus.Failed && (i.Response == null || i.Response == ""),
        Partial => i => i.Status == InteractionStatus.Failed && i.Response != null && i.Response != "",
        Pending => i => i.Status == InteractionStatus.Pending,
        Processing => i => i.Status == InteractionStatus.Processing,
        _ => null,
    };
}
