namespace Platform.Core.Analytics;

/// <summary>One place where the UI hurt the user: <see cref="PainPointTypes"/>, the component (or page), why, and the figures.</summary>
public sealed record PainPoint(string Type, string? ComponentId, string Reason, IReadOnlyDictionary<string, long> Metrics);

public static class PainPointTypes
{
    public const string RageClick = "rage-click";
    public const string ErrorPattern = "error-pattern";
    public const string FormAbandonment = "form-abandonment";
    public const string LongDwell = "long-dwell";

    /// <summary>The order of the types in an answer.</summary>
    public static readonly IReadOnlyList<string> All = [RageClick, ErrorPattern, FormAbandonment, LongDwell];
}

/// <summary>Errors of one component with one message.</summary>
public sealed record Hotspot(string? ComponentId, string? Message, long Errors);
