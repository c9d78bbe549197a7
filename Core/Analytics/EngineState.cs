namespace Platform.Core.Analytics;

/// <summary>
/// The engine between two events, as plain values: what a snapshot keeps so that a later answer folds only the events
/// after it. Each detector saves and restores its own part; the lists are copies, so folding on does not change them.
/// </summary>
internal sealed record EngineState(
    long Events,
    Dictionary<string, long> Types,
    Dictionary<string, long> Usage,
    List<FindingState> Found,
    List<BurstState> Bursts,
    long Errors,
    List<ErrorGroupState> ErrorGroups,
    List<FormState> Forms,
    List<VisitState> Visits);

internal sealed record FindingState(string Type, string? ComponentId, string Reason, Dictionary<string, long> Metrics, long Severity, DateTime At)
{
    public static FindingState Of(Finding f) =>
        new(f.Point.Type, f.Point.ComponentId, f.Point.Reason, new(f.Point.Metrics, StringComparer.Ordinal), f.Severity, f.At);

    public Finding ToFinding() => new(new PainPoint(Type, ComponentId, Reason, Metrics), Severity, At);
}

internal sealed record BurstState(string Component, DateTime Start, DateTime Last, double? X, double? Y, int Taps);

internal sealed record ErrorGroupState(string? Component, string? Message, DateTime First, long Count);

internal sealed record FormState(string Session, string Component, DateTime Start, long Inputs, long Submits, long Errors);

internal sealed record VisitState(string Session, string Page, DateTime Start, bool Reported);
