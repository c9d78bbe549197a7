namespace Platform.Core.Interactions.Queries;

/// <summary>
/// The sums of the interactions of one time slot (an hour or a day since the Unix epoch) and one type, model and
/// status view: what the rollups give per row, and what a raw GROUP BY gives for the partial hours at a window's edges.
/// </summary>
internal sealed record MetricsGroup(
    long Slot, string Type, string Model, string Status, long Count, double CostUsd, long Tokens,
    long LatencyCount, double LatencySumMs, long QualityCount, double QualitySum, long Complete,
    IReadOnlyDictionary<string, long> Feedback, long UnknownFeedback);
