using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Interactions.Rollups;

namespace Platform.Core.Interactions.Queries;

/// <summary>
/// The metrics from the hourly rollups: the whole hours of the window from interaction_rollups and
/// interaction_latency_buckets (whole days from interaction_daily_latency_buckets when it can), the partial hours at its two edges from the raw rows, summed into the same groups.
/// Reads a few rows per hour and dimension value whatever the row count; the answer is the raw computation's,
/// percentiles within <see cref="LatencyBuckets"/>' bound.
/// </summary>
internal static class RollupMetricsQuery
{
    private static readonly DateTime Epoch = DateTime.UnixEpoch;

    /// <summary>Whether the rollups can answer: every filter is a rollup dimension (q, feedback and quality are not).</summary>
    public static bool CanAnswer(InteractionFilter filter) =>
        filter is { Text: null, Feedback: null, MinQuality: null, MaxQuality: null }
        && filter.OwnerUserId != Guid.Empty && filter.Model is null or { Length: > 0 } && filter.Provider is null or { Length: > 0 }
        && filter.Type is null or { Length: > 0 };

    /// <summary>Null when the window holds no whole hour: the raw scan is as cheap then.</summary>
    public static async Task<InteractionMetricsReport?> RunAsync(
        PlatformDbContext db, InteractionFilter filter, DateTime from, DateTime to, string bucket, CancellationToken ct)
    {
        var firstHour = HourOf(from) + (from == StartOf(HourOf(from)) ? 0 : 1);
        var endHour = HourOf(to);
        if (firstHour >= endHour)
        {
            return null;
        }
        var slotHours = bucket == InteractionMetricsQuery.Hour ? 1 : 24;
        var groups = await RollupGroupsAsync(db, filter, firstHour, endHour, slotHours, ct);
        var histograms = await HistogramsAsync(db, filter, firstHour, endHour, slotHours, ct);
        var postgres = db.Database.IsNpgsql();
        foreach (var (edgeFrom, edgeTo) in new[] { (from, StartOf(firstHour)), (StartOf(endHour), to) }.Where(e => e.Item1 < e.Item2))
        {
            var rows = db.Interactions.AsNoTracking().Apply(filter with { From = edgeFrom, To = edgeTo }, postgres);
            var slot = HourOf(edgeFrom) / slotHours;
            groups.AddRange(await RawGroupsAsync(rows, slot, ct));
            var histogram = Slot(histograms, slot);
            await foreach (var ms in rows.Where(i => i.LatencyMs != null).Select(i => i.LatencyMs!.Value).AsAsyncEnumerable().WithCancellation(ct))
            {
                histogram.AddValue(ms);
            }
        }
        IReadOnlyDictionary<string, long>? feedback = null;
        if (groups.Any(g => g.UnknownFeedback != 0))
        {
            // A feedback value outside the rollup's columns: that one breakdown is counted from the raw rows.
            feedback = await InteractionMetricsQuery.FeedbackAsync(db.Interactions.AsNoTracking().Apply(filter with { From = from, To = to }, postgres), ct);
        }
        return MetricsReport.From(groups, histograms, feedback, from, to, bucket, slot => StartOf(slot * slotHours));
    }

    private static async Task<List<MetricsGroup>> RollupGroupsAsync(
        PlatformDbContext db, InteractionFilter filter, long firstHour, long endHour, int slotHours, CancellationToken ct)
    {
        var rows = db.Set<InteractionRollup>().AsNoTracking().Where(r => r.Hour >= firstHour && r.Hour < endHour);
        if (filter.OwnerUserId is { } owner) rows = rows.Where(r => r.OwnerUserId == owner);
        if (filter.Type is { } type) rows = rows.Where(r => r.Type == type);
        if (filter.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (filter.Model is { } model) rows = rows.Where(r => r.Model == model);
        if (filter.Provider is { } provider) rows = rows.Where(r => r.Provider == provider);
        var sums = await rows.GroupBy(r => new { Slot = r.Hour / slotHours, r.Type, r.Model, r.Status }).Select(g => new
        {
            g.Key.Slot, g.Key.Type, g.Key.Model, g.Key.Status,
            Count = g.Sum(r => r.Count), Cost = g.Sum(r => r.CostUsd), Tokens = g.Sum(r => r.TotalTokens),
            LatencyCount = g.Sum(r => r.LatencyCount), LatencySum = g.Sum(r => r.LatencySumMs),
            QualityCount = g.Sum(r => r.QualityCount), QualitySum = g.Sum(r => r.QualitySum), Complete = g.Sum(r => r.Complete),
            None = g.Sum(r => r.FeedbackNone), Up = g.Sum(r => r.FeedbackThumbsUp), Down = g.Sum(r => r.FeedbackThumbsDown),
            Accepted = g.Sum(r => r.FeedbackAccepted), Rejected = g.Sum(r => r.FeedbackRejected), Modified = g.Sum(r => r.FeedbackModified),
            Other = g.Sum(r => r.FeedbackOther),
        }).ToListAsync(ct);
        return sums.ConvertAll(s => new MetricsGroup(
            s.Slot, s.Type, s.Model, s.Status, s.Count, s.Cost, s.Tokens, s.LatencyCount, s.LatencySum, s.QualityCount, s.QualitySum, s.Complete,
            new Dictionary<string, long>
            {
                [InteractionFilter.NoFeedback] = s.None, ["thumbs_up"] = s.Up, ["thumbs_down"] = s.Down,
                [InteractionVerdicts.Accepted] = s.Accepted, [InteractionVerdicts.Rejected] = s.Rejected, [InteractionVerdicts.Modified] = s.Modified,
            },
            s.Other));
    }

    /// <summary>
    /// The latency histograms of whole hours [firstHour, endHour) per slot. By day without a dimension filter, the
    /// whole days come from the daily histogram (~1,000 rows a day instead of about one per interaction) and only the
    /// hours of the partial days at the edges from the hourly one.
    /// </summary>
    private static async Task<Dictionary<long, LatencyHistogram>> HistogramsAsync(
        PlatformDbContext db, InteractionFilter filter, long firstHour, long endHour, int slotHours, CancellationToken ct)
    {
        var histograms = new Dictionary<long, LatencyHistogram>();
        var firstDay = (long)Math.Ceiling(firstHour / 24.0);
        var endDay = (long)Math.Floor(endHour / 24.0);
        if (slotHours != 24 || filter is not { Type: null, Status: null, Model: null, Provider: null } || firstDay >= endDay)
        {
            await HourlyHistogramsAsync(db, filter, firstHour, endHour, slotHours, histograms, ct);
            return histograms;
        }
        var days = db.Set<InteractionDailyLatencyBucket>().AsNoTracking().Where(r => r.Day >= firstDay && r.Day < endDay);
        if (filter.OwnerUserId is { } owner) days = days.Where(r => r.OwnerUserId == owner);
        var buckets = days.GroupBy(r => new { r.Day, r.Bucket })
            .Select(g => new { g.Key.Day, g.Key.Bucket, Count = g.Sum(r => r.Count), Sum = g.Sum(r => r.SumMs) });
        await foreach (var b in buckets.AsAsyncEnumerable().WithCancellation(ct))
        {
            Slot(histograms, b.Day).Add(b.Bucket, b.Count, b.Sum);
        }
        await HourlyHistogramsAsync(db, filter, firstHour, firstDay * 24, slotHours, histograms, ct);
        await HourlyHistogramsAsync(db, filter, endDay * 24, endHour, slotHours, histograms, ct);
        return histograms;
    }

    private static async Task HourlyHistogramsAsync(
        PlatformDbContext db, InteractionFilter filter, long firstHour, long endHour, int slotHours,
        Dictionary<long, LatencyHistogram> histograms, CancellationToken ct)
    {
        if (firstHour >= endHour)
        {
            return;
        }
        var rows = db.Set<InteractionLatencyBucket>().AsNoTracking().Where(r => r.Hour >= firstHour && r.Hour < endHour);
        if (filter.OwnerUserId is { } owner) rows = rows.Where(r => r.OwnerUserId == owner);
        if (filter.Type is { } type) rows = rows.Where(r => r.Type == type);
        if (filter.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (filter.Model is { } model) rows = rows.Where(r => r.Model == model);
        if (filter.Provider is { } provider) rows = rows.Where(r => r.Provider == provider);
        var buckets = rows.GroupBy(r => new { Slot = r.Hour / slotHours, r.Bucket })
            .Select(g => new { g.Key.Slot, g.Key.Bucket, Count = g.Sum(r => r.Count), Sum = g.Sum(r => r.SumMs) });
        await foreach (var b in buckets.AsAsyncEnumerable().WithCancellation(ct))
        {
            Slot(histograms, b.Slot).Add(b.Bucket, b.Count, b.Sum);
        }
    }

    private static async Task<List<MetricsGroup>> RawGroupsAsync(IQueryable<Interaction> rows, long slot, CancellationToken ct)
    {
        var sums = await rows.GroupBy(i => new
        {
            i.Type, Model = i.Model ?? i.ModelRequested ?? InteractionRollup.None, i.Status,
            Answered = i.Response != null && i.Response != "", i.Feedback, i.Verdict,
        }).Select(g => new
        {
            g.Key.Type, g.Key.Model, g.Key.Status, g.Key.Answered, g.Key.Feedback, g.Key.Verdict,
            Count = g.LongCount(), Cost = g.Sum(i => i.CostUsd ?? 0), Tokens = g.Sum(i => (long)(i.TotalTokens ?? 0)),
            LatencyCount = g.LongCount(i => i.LatencyMs != null), LatencySum = g.Sum(i => i.LatencyMs ?? 0),
            QualityCount = g.LongCount(i => i.QualityScore != null), QualitySum = g.Sum(i => i.QualityScore ?? 0),
            Complete = g.LongCount(i => i.MissingVariablesJson == null || i.MissingVariablesJson == "[]"),
        }).ToListAsync(ct);
        return sums.ConvertAll(s => new MetricsGroup(
            slot, s.Type, s.Model, InteractionStatusView.Of(s.Status, s.Answered ? "x" : null), s.Count, s.Cost, s.Tokens,
            s.LatencyCount, s.LatencySum, s.QualityCount, s.QualitySum, s.Complete,
            InteractionMetricsQuery.FeedbackKeys(s.Feedback, s.Verdict).ToDictionary(key => key, _ => s.Count), 0));
    }

    private static LatencyHistogram Slot(Dictionary<long, LatencyHistogram> histograms, long slot)
    {
        if (!histograms.TryGetValue(slot, out var histogram))
        {
            histograms[slot] = histogram = new LatencyHistogram();
        }
        return histogram;
    }

    private static long HourOf(DateTime at) => (long)Math.Floor((at - Epoch).TotalHours);

    private static DateTime StartOf(long hour) => Epoch.AddHours(hour);
}
