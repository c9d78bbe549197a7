namespace Platform.Core.Interactions.Queries;

public sealed record InteractionMetricsReport(
    long Total, double SuccessRate, double FailureRate, double PartialRate,
    LatencySummary ProcessingTimeMs, double TotalCostUsd, long TotalTokens,
    IReadOnlyDictionary<string, long> ByType, IReadOnlyDictionary<string, long> ByModel, IReadOnlyDictionary<string, long> ByStatus,
    IReadOnlyDictionary<string, long> Feedback, double? DataQualityRate, double? AverageQualityScore,
    string Bucket, IReadOnlyList<MetricsBucket> Series);

public sealed record LatencySummary(double? Avg, double? P50, double? P95);

public sealed record MetricsBucket(DateTime Start, long Count, long Failures, double CostUsd, double? P95LatencyMs);
