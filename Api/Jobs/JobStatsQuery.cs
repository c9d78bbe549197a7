using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Apis;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Api.Jobs;

public sealed record QueueLatency(double? P50, double? P95);

public sealed record JobStatsResponse(
    IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByPriority, double CompletedPerMinute,
    QueueLatency QueueLatencyMs);

/// <summary>Counts per status and priority, jobs finished per minute (last 10 minutes) and enqueue-to-start latency (last hour).</summary>
internal static class JobStatsQuery
{
    private static readonly TimeSpan ThroughputWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LatencyWindow = TimeSpan.FromHours(1);
    private const int LatencySample = 10_000;

    public static async Task<Ok<JobStatsResponse>> GetAsync(ClaimsPrincipal user, PlatformDbContext db, TimeProvider time, CancellationToken ct)
    {
        var jobs = JobsApi.Visible(db, user);
        var now = time.GetUtcNow().UtcDateTime;
        var byStatus = await jobs.GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byPriority = await jobs.GroupBy(j => j.Priority).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var since = now - ThroughputWindow;
        var completed = await jobs.CountAsync(j => j.Status == JobStatus.Succeeded && j.CompletedAt >= since, ct);
        var started = now - LatencyWindow;
        var latencies = (await jobs.Where(j => j.StartedAt != null && j.StartedAt >= started)
                .OrderByDescending(j => j.StartedAt).Take(LatencySample)
                .Select(j => new { j.CreatedAt, j.StartedAt }).ToListAsync(ct))
            .Select(j => (j.StartedAt!.Value - j.CreatedAt).TotalMilliseconds).Order().ToList();

        var statuses = JobStatus.All.ToDictionary(s => s, s => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0);
        var priorities = Enum.GetValues<JobPriority>()
            .ToDictionary(p => p.ToString().ToLowerInvariant(), p => byPriority.FirstOrDefault(x => x.Key == p)?.Count ?? 0);
        return TypedResults.Ok(new JobStatsResponse(statuses, priorities,
            Math.Round(completed / ThroughputWindow.TotalMinutes, 2), new QueueLatency(Percentile(latencies, 0.50), Percentile(latencies, 0.95))));
    }

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);
}
