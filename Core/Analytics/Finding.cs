namespace Platform.Core.Analytics;

/// <summary>A pain point with what orders it: the worse first (<paramref name="Severity"/>), then the earlier.</summary>
internal readonly record struct Finding(PainPoint Point, long Severity, DateTime At)
{
    public static Finding Of(string type, string? componentId, string reason, long severity, DateTime at, params (string Name, long Value)[] metrics) =>
        new(new PainPoint(type, componentId, reason, metrics.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal)), severity, at);
}
