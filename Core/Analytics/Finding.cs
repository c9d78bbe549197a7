namespace Platform.Core.Analytics;

/// <summary>A pain point with what orders it: the worse first (<paramref name="Severity"/>), then the earlier.</summary>
internal readonly record struct Finding(PainPoint Point, long Severity, DateTime At)
{
    /// <summary>Within one type, the answer's order: the worse first, then the earlier, then by component, then by reason.</summary>
    public static readonly Comparer<Finding> AnswerOrder = Comparer<Finding>.Create((a, b) =>
        CompareUpToReason(a.Severity, a.At, a.Point.ComponentId, b.Severity, b.At, b.Point.ComponentId) is var order and not 0
            ? order
            : string.CompareOrdinal(a.Point.Reason, b.Point.Reason));

    /// <summary>The same order short of the reason, for a detector that picks its first before it writes their reasons.</summary>
    public static int CompareUpToReason(long severityA, DateTime atA, string? componentA, long severityB, DateTime atB, string? componentB) =>
        severityA != severityB ? severityB.CompareTo(severityA)
        : atA != atB ? atA.CompareTo(atB)
        : string.CompareOrdinal(componentA, componentB);

    public static Finding Of(string type, string? componentId, string reason, long severity, DateTime at, params (string Name, long Value)[] metrics) =>
        new(new PainPoint(type, componentId, reason, metrics.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal)), severity, at);
}
