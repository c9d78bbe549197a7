using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Interactions.Queries;

/// <summary>Where metrics are read from: the rollups when they can answer (else the raw rows), or always the raw rows.</summary>
public enum MetricsSource
{
    Best,
    Raw,
    /// <summary>The rollups or an error: for tests that compare both paths.</summary>
    Rollups,
}

/// <summary>
/// The metrics of the interactions a filter selects. From the hourly rollups (<see cref="RollupMetricsQuery"/>)
/// when every filter is a rollup dimension, otherwise computed by the database from the raw rows: one aggregate,
/// one GROUP BY per breakdown and a few aggregates per time bucket. The caller bounds the window and so the
/// number of buckets.
/// </summary>
public static class InteractionMetricsQuery
{
    public const string Hour = "hour";
    public const string Day = "day";
    /// <summary>The model breakdown's key for interactions with no model name (null or empty).</summary>
    public const string UnknownModel = "unknown";

    public static async Task<InteractionMetricsReport> RunAsync(
        PlatformDbContext db, InteractionFilter filter, DateTime from, DateTime to, string bucket, MetricsSource source, CancellationToken ct)
    {
        filter = filter with { From = from, To = to };
        if (source != MetricsSource.Raw && RollupMetricsQuery.CanAnswer(filter)
            && await RollupMetricsQuery.RunAsync(db, filter, from, to, bucket, ct) is { } report)
        {
            return report;
        }
        if (source == MetricsSource.Rollups)
        {
            throw new InvalidOperationException("The rollups cannot answer this filter and window.");
        }
        return await RunAsync(db.Interactions.AsNoTracking().Apply(filter, db.Database.IsNpgsql()), from, to, bucket, ct);
    }

    public static async Task<InteractionMetricsReport> RunAsync(
        IQueryable<Interaction> rows, DateTime from, DateTime to, string bucket, CancellationToken ct)
    {
        var totals = await rows.GroupBy(_ => 1).Select(g => new
        {
            Count = g.LongCount(),
            Cost = g.Sum(i => i.CostUsd ?? 0),
            Tokens = g.Sum(i => (long)(i.TotalTokens ?? 0)),
            AvgLatency = g.Average(i => i.LatencyMs),
            AvgQuality = g.Average(i => i.QualityScore),
            Complete = g.LongCount(i => i.MissingVariablesJson == null || i.MissingVariablesJson == "[]"),
        }).FirstOrDefaultAsync(ct);
        var total = totals?.Count ?? 0;

        var byStatus = await StatusCountsAsync(rows, ct);
        var timed = rows.Where(i => i.LatencyMs != null);
        var timedCount = await timed.LongCountAsync(ct);
        var latency = new LatencySummary(totals?.AvgLatency,
            await Percentiles.ContinuousAsync(timed, timedCount, 0.5, ct), await Percentiles.ContinuousAsync(timed, timedCount, 0.95, ct));

        return new InteractionMetricsReport(
            total, Rate(byStatus, InteractionStatusView.Success, total), Rate(byStatus, InteractionStatusView.Failure, total),
            Rate(byStatus, InteractionStatusView.Partial, total), latency, totals?.Cost ?? 0, totals?.Tokens ?? 0,
            await CountByAsync(rows.GroupBy(i => i.Type), ct),
            await ModelCountsAsync(rows, ct),
            byStatus,
            await FeedbackAsync(rows, ct),
            total == 0 ? null : (double)totals!.Complete / total, totals?.AvgQuality,
            bucket, await SeriesAsync(rows, from, to, bucket, ct));
    }

    /// <summary>Bucket starts from <paramref name="from"/> (floored to the bucket) up to <paramref name="to"/>.</summary>
    public static IEnumerable<DateTime> Buckets(DateTime from, DateTime to, string bucket)
    {
        var step = bucket == Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var start = bucket == Hour ? new DateTime(from.Year, from.Month, from.Day, from.Hour, 0, 0, DateTimeKind.Utc) : DateTime.SpecifyKind(from.Date, DateTimeKind.Utc);
        for (var t = start; t < to; t += step)
        {
            yield return t;
        }
    }

    private static async Task<IReadOnlyList<MetricsBucket>> SeriesAsync(IQueryable<Interaction> rows, DateTime from, DateTime to, string bucket, CancellationToken ct)
    {
        var step = bucket == Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var series = new List<MetricsBucket>();
        foreach (var start in Buckets(from, to, bucket))
        {
            var end = start + step;
            var inBucket = rows.Where(i => i.CreatedAt >= start && i.CreatedAt < end);
            var sums = await inBucket.GroupBy(_ => 1).Select(g => new
            {
                Count = g.LongCount(),
                Failures = g.LongCount(i => i.Status == InteractionStatus.Failed),
                Cost = g.Sum(i => i.CostUsd ?? 0),
                Timed = g.LongCount(i => i.LatencyMs != null),
            }).FirstOrDefaultAsync(ct);
            var p95 = sums is null ? null : await Percentiles.ContinuousAsync(inBucket.Where(i => i.LatencyMs != null), sums.Timed, 0.95, ct);
            series.Add(new MetricsBucket(start, sums?.Count ?? 0, sums?.Failures ?? 0, sums?.Cost ?? 0, p95));
        }
        return series;
    }

    private static async Task<IReadOnlyDictionary<string, long>> StatusCountsAsync(IQueryable<Interaction> rows, CancellationToken ct)
    {
        var counts = await rows.GroupBy(i => new { i.Status, Answered = i.Response != null && i.Response != "" })
            .Select(g => new { g.Key.Status, g.Key.Answered, Count = g.LongCount() }).ToListAsync(ct);
        var view = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            var key = InteractionStatusView.Of(c.Status, c.Answered ? "x" : null);
            view[key] = view.GetValueOrDefault(key) + c.Count;
        }
        return view;
    }

    /// <summary>An empty model name counts as unknown, as in the rollups, which keep both as one key.</summary>
    private static async Task<IReadOnlyDictionary<string, long>> ModelCountsAsync(IQueryable<Interaction> rows, CancellationToken ct)
    {
        var counts = await rows.GroupBy(i => i.Model ?? i.ModelRequested ?? "").Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var byModel = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            var key = c.Key.Length == 0 ? UnknownModel : c.Key;
            byModel[key] = byModel.GetValueOrDefault(key) + c.Count;
        }
        return byModel;
    }

    internal static async Task<IReadOnlyDictionary<string, long>> FeedbackAsync(IQueryable<Interaction> rows, CancellationToken ct)
    {
        var counts = await rows.GroupBy(i => new { i.Feedback, i.Verdict }).Select(g => new { g.Key.Feedback, g.Key.Verdict, Count = g.LongCount() }).ToListAsync(ct);
        var distribution = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            foreach (var key in FeedbackKeys(c.Feedback, c.Verdict))
            {
                distribution[key] = distribution.GetValueOrDefault(key) + c.Count;
            }
        }
        return distribution;
    }

    /// <summary>
    /// Where a row counts in the feedback distribution: under its verdict and under its thumbs rating (a row with both
    /// counts under both), or under no_feedback when it has neither.
    /// </summary>
    internal static IEnumerable<string> FeedbackKeys(string? rating, string? verdict)
    {
        if (rating is null && verdict is null)
        {
            yield return InteractionFilter.NoFeedback;
        }
        if (verdict is not null)
        {
            yield return verdict;
        }
        if (rating is not null)
        {
            yield return rating;
        }
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountByAsync(IQueryable<IGrouping<string, Interaction>> groups, CancellationToken ct)
    {
        var counts = await groups.Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        return new SortedDictionary<string, long>(counts.ToDictionary(c => c.Key, c => c.Count), StringComparer.Ordinal);
    }

    private static double Rate(IReadOnlyDictionary<string, long> counts, string key, long total) =>
        total == 0 ? 0 : (double)counts.GetValueOrDefault(key) / total;
}
