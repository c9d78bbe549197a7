using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Interactions.Queries;

namespace Platform.Core.Alerts;

/// <summary>
/// A rule's current value from the interactions table: small aggregates over the rule's window, which the
/// created_at index bounds. Null when the window holds fewer finished interactions than the rule's MinSamples.
/// </summary>
public static class AlertMeasure
{
    public static Task<double?> MeasureAsync(PlatformDbContext db, AlertRule rule, DateTime now, CancellationToken ct) =>
        rule.Kind switch
        {
            AlertKinds.FailureRate => FailureRateAsync(db, rule, now, ct),
            AlertKinds.DailyCost => DailyCostAsync(db, rule, now, ct),
            AlertKinds.P95Latency => P95LatencyAsync(db, rule, now, ct),
            _ => throw new InvalidOperationException($"Unknown alert kind '{rule.Kind}'."),
        };

    /// <summary>Failed / finished interactions in the window, as a percentage.</summary>
    private static async Task<double?> FailureRateAsync(PlatformDbContext db, AlertRule rule, DateTime now, CancellationToken ct)
    {
        var rows = Finished(db, rule, WindowStart(rule, now));
        var all = await rows.CountAsync(ct);
        if (all < rule.MinSamples || all == 0)
        {
            return null;
        }
        var failed = await rows.CountAsync(i => i.Status == InteractionStatus.Failed, ct);
        return 100.0 * failed / all;
    }

    /// <summary>Estimated USD spent since UTC midnight; no minimum sample: one expensive call is enough.</summary>
    private static async Task<double?> DailyCostAsync(PlatformDbContext db, AlertRule rule, DateTime now, CancellationToken ct)
    {
        var midnight = DateTime.SpecifyKind(now.Date, DateTimeKind.Utc);
        return await Scoped(db, rule, midnight).SumAsync(i => i.CostUsd ?? 0, ct);
    }

    /// <summary>The 95th percentile of processing time, interpolated between ranks as percentile_cont does.</summary>
    private static async Task<double?> P95LatencyAsync(PlatformDbContext db, AlertRule rule, DateTime now, CancellationToken ct)
    {
        var latencies = Finished(db, rule, WindowStart(rule, now)).Where(i => i.LatencyMs != null);
        var count = await latencies.CountAsync(ct);
        return count < rule.MinSamples ? null : await Percentiles.ContinuousAsync(latencies, count, 0.95, ct);
    }

    private static DateTime WindowStart(AlertRule rule, DateTime now) => now.AddMinutes(-rule.WindowMinutes);

    private static IQueryable<Interaction> Finished(PlatformDbContext db, AlertRule rule, DateTime from) =>
        Scoped(db, rule, from).Where(i => i.Status != InteractionStatus.Pending && i.Status != InteractionStatus.Processing);

    private static IQueryable<Interaction> Scoped(PlatformDbContext db, AlertRule rule, DateTime from)
    {
        var rows = db.Interactions.AsNoTracking().Where(i => i.CreatedAt >= from);
        if (rule.Model is not null)
        {
            rows = rows.Where(i => i.Model == rule.Model);
        }
        return rule.Type is null ? rows : rows.Where(i => i.Type == rule.Type);
    }
}
