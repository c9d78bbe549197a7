using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Platform.Bench.Benchmarks.Jobs;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Bench.Benchmarks.JobsVsPeers;

/// <summary>
/// The platform's side: jobs enqueued by the bench through <see cref="JobStore"/> (as the Api does), run by the real
/// Worker process with its no-op job kind. The bench holds no claim loop of its own.
/// </summary>
internal sealed class PlatformSide(JobBenchHost host, string connectionString, string dataDir)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    public static async Task<PlatformSide> StartAsync(DatabaseInfo database, string dataDir)
    {
        // No claim loop is started in the bench: this host only migrates, enqueues and counts.
        var host = new JobBenchHost(database, new JobOptions(), new NoOpJobHandler());
        await host.MigrateAsync();
        return new PlatformSide(host, database.ConnectionString, dataDir);
    }

    public Task ResetAsync() => host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE jobs"));

    /// <summary>
    /// Bulk enqueue (EnqueueManyAsync, COPY) of jobs due a day from now, so that the Worker, started afterwards and
    /// idle, finds none: the drain then starts when <see cref="DrainAsync"/> makes them due. Milliseconds.
    /// </summary>
    public async Task<double> EnqueueAsync(int jobs, int batch)
    {
        var later = DateTime.UtcNow.AddDays(1);
        var took = Stopwatch.StartNew();
        for (var done = 0; done < jobs; done += batch)
        {
            var chunk = Enumerable.Range(0, Math.Min(batch, jobs - done)).Select(_ => new Job { Kind = NoOpJobHandler.KindName, RunAt = later }).ToList();
            await host.WithStoreAsync(store => store.EnqueueManyAsync(chunk));
        }
        return took.Elapsed.TotalMilliseconds;
    }

    public Task<WorkerProcess> StartWorkerAsync(int concurrency) => WorkerProcess.StartAsync(connectionString, concurrency, dataDir);

    /// <summary>
    /// Warms the fresh Worker up with <paramref name="warmUp"/> due jobs (JIT, pools; not timed), makes the backlog due
    /// (then VACUUM, so the drain meets no dead row versions of that update; not timed), wakes the Worker with a NOTIFY
    /// and times until no job is queued or running. Returns the time, the Worker's peak VmRSS and the CPU time it used.
    /// </summary>
    public async Task<(double Ms, double PeakMiB, double CpuMs)> DrainAsync(WorkerProcess worker, int jobs, int warmUp)
    {
        var warm = Enumerable.Range(0, warmUp).Select(_ => new Job { Kind = NoOpJobHandler.KindName }).ToList();
        if (warm.Count > 0)
        {
            await host.WithStoreAsync(store => store.EnqueueManyAsync(warm));
        }
        while (await host.WithDbAsync(db => db.Jobs.CountAsync(j => j.RunAt < DateTime.UtcNow && j.Status != JobStatus.Succeeded)) > 0)
        {
            await Task.Delay(PollEvery);
        }
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE jobs SET run_at = {0} WHERE status = {1}", DateTime.UtcNow, JobStatus.Queued));
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM jobs"));
        var peak = worker.ResidentMiB();
        var cpu = worker.CpuMilliseconds();
        var took = Stopwatch.StartNew();
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{JobStore.NotificationChannel}', '')"));
        while (await host.WithDbAsync(db => db.Jobs.CountAsync(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running)) > 0)
        {
            peak = Math.Max(peak, worker.ResidentMiB());
            await Task.Delay(PollEvery);
        }
        var ms = took.Elapsed.TotalMilliseconds;
        cpu = worker.CpuMilliseconds() - cpu;
        var once = await host.WithDbAsync(db => db.Jobs.CountAsync(j => j.Status == JobStatus.Succeeded && j.Attempts == 1));
        if (once != jobs + warmUp)
        {
            throw new InvalidOperationException($"the Worker finished {once} of {jobs + warmUp} jobs on their first attempt:\n{worker.Tail()}");
        }
        return (ms, Math.Max(peak, worker.ResidentMiB()), cpu);
    }

    /// <summary>One job at a time (EnqueueAsync, the Api's path) into the idle Worker: enqueue call -> handler start, ms.</summary>
    public async Task<List<double>> IdleAsync(WorkerProcess worker, int samples, int pauseMs, int warmUp)
    {
        var latencies = new List<double>(samples);
        var calls = new List<double>(samples);
        for (var i = 0; i < warmUp + samples; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(pauseMs + Random.Shared.NextDouble() * 50));
            var job = new Job { Kind = NoOpJobHandler.KindName, PayloadJson = """{"watch":true}""" };
            var started = worker.WatchStart(job.Id);
            var before = Stopwatch.GetTimestamp();
            await host.WithStoreAsync(store => store.EnqueueAsync(job));
            calls.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
            var at = await started.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= warmUp)
            {
                latencies.Add(Stopwatch.GetElapsedTime(before, at).TotalMilliseconds);
            }
        }
        calls.Sort();
        Console.WriteLine($"  platform idle: the enqueue call itself p50 {Stats.Percentile(calls, 50):0.00} ms");
        return latencies;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
