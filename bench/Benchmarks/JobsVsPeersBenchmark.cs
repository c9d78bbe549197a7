using System.Globalization;
using Npgsql;
using Platform.Bench.Benchmarks.JobsVsPeers;
using Platform.Bench.Peers;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// The platform's job system (the real Worker process) against graphile-worker on one durable PostgreSQL, same work,
/// rounds interleaved A/B: bulk enqueue of N no-op jobs with no worker running, the drain at each concurrency, then
/// enqueue -> handler start on an idle worker. Options: [jobs=20000] [batch=5000] [rounds=3] [concurrency=4,16,64]
/// [samples=70] (idle samples per round and side, after 5 warm-ups) [pause=100] (ms between idle samples, plus 0-50)
/// [warmup=1000] (no-op jobs each fresh Worker runs before its timed drain; graphile-worker's process once).
/// </summary>
public sealed class JobsVsPeersBenchmark : IBenchmark
{
    private const string Platform = "platform";
    private const string Peer = "graphile-worker";

    public string Description => $"job drain, idle latency and bulk enqueue: the Worker against {GraphileSide.Package} {GraphileSide.Version} on one PostgreSQL";

    public async Task RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var jobs = options.Int("jobs", 20_000);
        var batch = options.Int("batch", 5_000);
        var rounds = options.Int("rounds", 3);
        var samples = options.Int("samples", 70);
        var warmUp = options.Int("warmup", 1_000);
        var pause = options.Int("pause", 100);
        var concurrencies = (options.String("concurrency") ?? "4,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        Console.WriteLine($"jobs-vs-peers: {jobs} no-op jobs (batches of {batch}), {rounds} rounds A/B, concurrency {string.Join(", ", concurrencies)}, " +
                          $"{samples} idle samples per round and side");

        await using var postgres = await BenchPostgres.StartAsync();
        if (postgres is null)
        {
            return;
        }
        await BenchPostgres.MakeDurableAsync(postgres.AdminConnectionString);
        Console.WriteLine("postgres: fsync, synchronous_commit and full_page_writes on; both systems in one database (graphile in schema graphile_worker)");
        // The test server caps pools at 20; concurrency 64 would measure waiting for a connection.
        var connection = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync("bench_jobs_vs_peers")) { MaxPoolSize = 100 }.ConnectionString;
        using var directory = new TempDirectory("bench-jobs-vs-peers");
        var platform = await PlatformSide.StartAsync(DatabaseSelector.Select(connection, directory.Path), directory.Path);
        await using var graphile = await GraphileSide.StartAsync(connection);
        // The same warm-up for graphile-worker's process, once: it lives through all rounds, each Worker only through one.
        await graphile.EnqueueAsync(warmUp, batch);
        await graphile.DrainAsync(warmUp, concurrencies[0]);

        var enqueue = new AbRounds("bulk enqueue", "jobs/s", Platform, Peer, higherIsBetter: true);
        var drains = concurrencies.Select(c => new AbRounds($"drain, concurrency {c}", "jobs/s", Platform, Peer, higherIsBetter: true)).ToList();
        // CPU time of the Worker process and of graphile-worker's node process over the drain, per job: steadier than wall
        // time on a shared machine. PostgreSQL's own CPU is not in it.
        var cpus = concurrencies.Select(c => new AbRounds($"worker process CPU per job, concurrency {c}", "µs", Platform, Peer, higherIsBetter: false)).ToList();
        var rss = new AbRounds($"peak RSS during the drain, concurrency {concurrencies[0]}", "MiB", Platform, Peer, higherIsBetter: false);
        var idleP50 = new AbRounds($"idle enqueue -> start p50, concurrency {concurrencies[0]}", "ms", Platform, Peer, higherIsBetter: false);
        var idleP99 = new AbRounds($"idle enqueue -> start p99, concurrency {concurrencies[0]}", "ms", Platform, Peer, higherIsBetter: false);
        var allIdle = (Platform: new List<double>(), Peer: new List<double>());
        var loads = new List<string>();
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                for (var i = 0; i < concurrencies.Count; i++)
                {
                    var c = concurrencies[i];
                    await platform.ResetAsync();
                    var platformEnqueue = await platform.EnqueueAsync(jobs, batch);
                    double platformDrain, platformPeak, platformCpu;
                    await using (var worker = await platform.StartWorkerAsync(c))
                    {
                        (platformDrain, platformPeak, platformCpu) = await platform.DrainAsync(worker, jobs, warmUp);
                    }
                    await graphile.ResetAsync();
                    var peerEnqueue = await graphile.EnqueueAsync(jobs, batch);
                    var peerDrain = await DrainWithPeakAsync(graphile, jobs, c);
                    drains[i].AddPlatform(jobs / platformDrain * 1000);
                    drains[i].AddPeer(jobs / peerDrain.Ms * 1000);
                    cpus[i].AddPlatform(platformCpu * 1000 / jobs);
                    cpus[i].AddPeer(peerDrain.CpuMs * 1000 / jobs);
                    if (i == 0)
                    {
                        enqueue.AddPlatform(jobs / platformEnqueue * 1000);
                        enqueue.AddPeer(jobs / peerEnqueue * 1000);
                        rss.AddPlatform(platformPeak);
                        rss.AddPeer(peerDrain.PeakMiB);
                    }
                    Console.WriteLine($"round {round}, concurrency {c}: enqueue {jobs / platformEnqueue * 1000:#,0} vs {jobs / peerEnqueue * 1000:#,0} jobs/s; " +
                                      $"drain {jobs / platformDrain * 1000:#,0} vs {jobs / peerDrain.Ms * 1000:#,0} jobs/s; " +
                                      $"process CPU per job {platformCpu * 1000 / jobs:0} vs {peerDrain.CpuMs * 1000 / jobs:0} µs; " +
                                      $"peak RSS {platformPeak:0} vs {peerDrain.PeakMiB:0} MiB (load {MachineInfo.LoadAverage()})");
                }
                if (samples > 0)
                {
                    var c = concurrencies[0];
                    await platform.ResetAsync();
                    List<double> mine;
                    await using (var worker = await platform.StartWorkerAsync(c))
                    {
                        mine = await platform.IdleAsync(worker, samples, pause, warmUp: 5);
                    }
                    await graphile.ResetAsync();
                    var theirs = await graphile.IdleAsync(samples, pause, c);
                    Add(idleP50, mine, theirs, 50);
                    Add(idleP99, mine, theirs, 99);
                    allIdle.Platform.AddRange(mine);
                    allIdle.Peer.AddRange(theirs);
                    Console.WriteLine($"round {round}, idle: p50 {P(mine, 50):0.00} vs {P(theirs, 50):0.00} ms, p99 {P(mine, 99):0.00} vs {P(theirs, 99):0.00} ms");
                }
                loads.Add(MachineInfo.LoadAverage());
            }
        }
        finally
        {
            await platform.DisposeAsync();
        }

        Console.WriteLine();
        Console.WriteLine($"load average after each round: {string.Join("; ", loads)}");
        Console.WriteLine(AbRounds.Header(Platform, Peer));
        foreach (var figure in drains.Prepend(enqueue).Concat(cpus).Append(idleP50).Append(idleP99).Append(rss))
        {
            if (figure.Platform.Count > 0)
            {
                Console.WriteLine(figure.Row());
            }
        }
        if (allIdle.Platform.Count > 0)
        {
            Console.WriteLine($"idle, all rounds pooled ({allIdle.Platform.Count} samples each): platform p50 {P(allIdle.Platform, 50):0.00} ms p99 {P(allIdle.Platform, 99):0.00} ms; " +
                              $"graphile-worker p50 {P(allIdle.Peer, 50):0.00} ms p99 {P(allIdle.Peer, 99):0.00} ms");
        }
    }

    private static async Task<(double Ms, double PeakMiB, double CpuMs)> DrainWithPeakAsync(GraphileSide graphile, int jobs, int concurrency)
    {
        var peak = graphile.ResidentMiB();
        var cpu = graphile.CpuMilliseconds();
        var draining = graphile.DrainAsync(jobs, concurrency);
        while (!draining.IsCompleted)
        {
            peak = Math.Max(peak, graphile.ResidentMiB());
            await Task.WhenAny(draining, Task.Delay(100));
        }
        var ms = await draining;
        return (ms, peak, graphile.CpuMilliseconds() - cpu);
    }

    private static void Add(AbRounds figure, List<double> platform, List<double> peer, double percentile)
    {
        figure.AddPlatform(P(platform, percentile));
        figure.AddPeer(P(peer, percentile));
    }

    private static double P(List<double> sample, double percentile) => Stats.Percentile(sample.Order().ToList(), percentile);
}
