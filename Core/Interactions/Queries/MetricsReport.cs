using Platform.Core.Interactions.Rollups;

namespace Platform.Core.Interactions.Queries;

/// <summary>Adds up <see cref="MetricsGroup"/>s and latency histograms per slot into the report the raw scan gives.</summary>
internal static class MetricsReport
{
    public static InteractionMetricsReport From(
        IReadOnlyList<MetricsGroup> groups, IReadOnlyDictionary<long, LatencyHistogram> histograms, IReadOnlyDictionary<string, long>? feedback,
        DateTime from, DateTime to, string bucket, Func<long, DateTime> slotStart)
    {
        var total = groups.Sum(g => g.Count);
        var byStatus = CountBy(groups, g => g.Status);
        var latencyCount = groups.Sum(g => g.LatencyCount);
        var qualityCount = groups.Sum(g => g.QualityCount);
        var all = new LatencyHistogram();
        foreach (var histogram in histograms.Values)
        {
            all.AddAll(histogram);
        }
        var latency = new LatencySummary(
            latencyCount == 0 ? null : groups.Sum(g => g.LatencySumMs) / latencyCount, all.Continuous(0.5), all.Continuous(0.95));
        return new InteractionMetricsReport(
            total, Rate(byStatus, InteractionStatusView.Success, total), Rate(byStatus, InteractionStatusView.Failure, total),
            Rate(byStatus, InteractionStatusView.Partial, total), latency, groups.Sum(g => g.CostUsd), groups.Sum(g => g.Tokens),
            CountBy(groups, g => g.Type),
            CountBy(groups, g => g.Model.Length == 0 ? InteractionMetricsQuery.UnknownModel : g.Model),
            byStatus,
            feedback ?? Positive(groups.SelectMany(g => g.Feedback)),
            total == 0 ? null : (double)groups.Sum(g => g.Complete) / total,
            qualityCount == 0 ? null : groups.Sum(g => g.QualitySum) / qualityCount,
            bucket, Series(groups, histograms, from, to, bucket, slotStart));
    }

    private static List<MetricsBucket> Series(
        IReadOnlyList<MetricsGroup> groups, IReadOnlyDictionary<long, LatencyHistogram> histograms,
        DateTime from, DateTime to, string bucket, Func<long, DateTime> slotStart)
    {
        var bySlot = groups.GroupBy(g => slotStart(g.Slot)).ToDictionary(g => g.Key, g => g.ToList());
        var histogramBySlot = histograms.ToDictionary(h => slotStart(h.Key), h => h.Value);
        return InteractionMetricsQuery.Buckets(from, to, bucket).Select(start =>
        {
            var inSlot = bySlot.GetValueOrDefault(start) ?? [];
            return new MetricsBucket(start, inSlot.Sum(g => g.Count),
                inSlot.Where(g => g.Status is InteractionStatusView.Failure or InteractionStatusView.Partial).Sum(g => g.Count),
                inSlot.Sum(g => g.CostUsd), histogramBySlot.GetValueOrDefault(start)?.Continuous(0.95));
        }).ToList();
    }

    private static SortedDictionary<string, long> CountBy(IEnumerable<MetricsGroup> groups, Func<MetricsGroup, string> key) =>
        Positive(groups.Select(g => new KeyValuePair<string, long>(key(g), g.Count)));

    /// <summary>Keys with a count, as the raw GROUP BY lists them (a rollup row whose rows all moved away sums to 0).</summary>
    private static SortedDictionary<string, long> Positive(IEnumerable<KeyValuePair<string, long>> counts)
    {
        var sums = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, count) in counts)
        {
            sums[key] = sums.GetValueOrDefault(key) + count;
        }
        foreach (var key in sums.Where(s => s.Value == 0).Select(s => s.Key).ToList())
        {
            sums.Remove(key);
        }
        return sums;
    }

    private static double Rate(IReadOnlyDictionary<string, long> counts, string key, long total) =>
        total == 0 ? 0 : (double)counts.GetValueOrDefault(key) / total;
}
