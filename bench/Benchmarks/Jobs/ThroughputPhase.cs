using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Jobs;

namespace Platform.Bench.Benchmarks.Jobs;

/// <summary>Phase A: bulk-enqueue N no-op jobs with no worker running, then start the workers and time the drain.</summary>
internal static class ThroughputPhase
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(JobBenchHost host, NoOpJobHandler handler, int count, int batch, int workers, bool analyze)
    {
        var enqueue = Stopwatch.StartNew();
        for (var done = 0; done < count; done += batch)
        {
            var jobs = Enumerable.Range(0, Math.Min(batch, count - done)).Select(_ => new Job { Kind = NoOpJobHandler.KindName }).ToList();
            await host.WithStoreAsync(store => store.EnqueueManyAsync(jobs));
        }
        enqueue.Stop();
        Console.WriteLine($"  enqueue: {count} jobs in batches of {batch}: {enqueue.Elapsed.TotalSeconds:0.00} s, {count / enqueue.Elapsed.TotalSeconds:0} jobs/s");

        if (analyze)
        {
            // Fresh statistics let PostgreSQL walk the claim index in order instead of sorting the whole backlog per claim.
            var took = Stopwatch.StartNew();
            await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE jobs"));
            Console.WriteLine($"  ANALYZE jobs before the drain: {took.Elapsed.TotalMilliseconds:0} ms (not counted)");
        }
        var drain = Stopwatch.StartNew();
        host.StartWorkers(workers);
        await WaitUntilDrainedAsync(host, count);
        drain.Stop();
        await host.StopWorkersAsync();

        var succeededOnce = await host.WithDbAsync(db => db.Jobs.CountAsync(j => j.Status == JobStatus.Succeeded && j.Attempts == 1));
        var total = enqueue.Elapsed + drain.Elapsed;
        Console.WriteLine($"  drain: {count} jobs in {drain.Elapsed.TotalSeconds:0.00} s: {count / drain.Elapsed.TotalSeconds:0} jobs/s end to end " +
                          $"(poll resolution {PollEvery.TotalMilliseconds:0} ms)");
        Console.WriteLine($"  overall (enqueue + drain): {total.TotalSeconds:0.00} s, {count / total.TotalSeconds:0} jobs/s");
        Console.WriteLine($"  check: handler runs {handler.Runs}, succeeded on the first attempt {succeededOnce}, other ends {handler.OtherEnds}");
        if (handler.Runs != count || succeededOnce != count || handler.OtherEnds != 0)
        {
            throw new InvalidOperationException("the drain did not run every job exactly once");
        }
    }

    /// <summary>Counts what is left rather than what is done: the index range shrinks as the drain goes on.</summary>
    private static async Task WaitUntilDrainedAsync(JobBenchHost host, int count)
    {
        var left = count;
        var lastProgress = Stopwatch.StartNew();
        while (left > 0)
        {
            await Task.Delay(PollEvery);
            var now = await host.WithDbAsync(db => db.Jobs.CountAsync(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running));
            if (now < left)
            {
                lastProgress.Restart();
            }
            else if (lastProgress.Elapsed > StallLimit)
            {
                var byStatus = await host.WithDbAsync(db => db.Jobs.GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
                throw new TimeoutException($"no job finished in {StallLimit.TotalSeconds:0} s; " +
                    $"{string.Join(", ", byStatus.Select(s => $"{s.Key} {s.Count}"))}; {host.DescribeWorkers()}");
            }
            left = now;
        }
    }
}
