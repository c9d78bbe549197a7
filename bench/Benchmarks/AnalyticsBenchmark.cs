using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Bench.Benchmarks.Analytics;
using Platform.Core.Analytics;
using Platform.Core.Caching;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// One user's analytics (IUserAnalytics, as the Api and the Worker call it) over that user's events beside other users'
/// events, median and p95, on each database and cache: uncached without a snapshot (the first answer for a user: read
/// every event, fold, store), uncached from the snapshot (fresh=true: count, read the events since, fold, store), and
/// cached (a hit). <c>recent</c> of the user's events are stamped inside the snapshot's grace period, so every answer
/// from the snapshot reads and folds them. Options: [db=sqlite|postgres|both] [cache=memory|redis|both] [events=100000]
/// [recent=1000] [others=100000] [runs=30] [cachedRuns=2000].
/// </summary>
public sealed class AnalyticsBenchmark : IBenchmark
{
    private const string UserId = "bench-user";

    public string Description => "one user's analytics over 100,000 events, uncached and cached (SQLite, PostgreSQL; memory, Redis)";

    public async Task RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var which = options.String("db") ?? "both";
        Console.WriteLine($"load average: {MachineInfo.LoadAverage()}");
        Console.WriteLine($"events: {options.Int("events", 100_000)} of {UserId}, {options.Int("others", 100_000)} of other users");
        await using var redis = await StartRedisAsync(options.String("cache") ?? "both");
        if (which is "sqlite" or "both")
        {
            using var data = new TempDirectory("bench-analytics");
            await RunOnAsync($"Data Source={Path.Combine(data.Path, "bench.db")}", data.Path, redis, options);
        }
        if (which is "postgres" or "both")
        {
            await using var postgres = await BenchPostgres.StartAsync();
            if (postgres is not null)
            {
                using var data = new TempDirectory("bench-analytics");
                await RunOnAsync(await postgres.CreateDatabaseAsync("bench_analytics"), data.Path, redis, options);
            }
        }
        Console.WriteLine($"load average: {MachineInfo.LoadAverage()}");
    }

    private static async Task RunOnAsync(string connectionString, string dataDirectory, RedisServer? redis, BenchOptions options)
    {
        var database = DatabaseSelector.Select(connectionString, dataDirectory);
        Console.WriteLine($"== {database.ProviderName} ({database.Description})");
        var seeded = false;
        foreach (var cache in redis is null ? ["memory"] : options.String("cache") is "redis" ? ["redis"] : new[] { "memory", "redis" })
        {
            using var host = Build(connectionString, cache == "redis" ? redis!.ConnectionString : null);
            if (!seeded)
            {
                await DatabaseMigrator.MigrateAsync(host.Services);
                var clock = Stopwatch.StartNew();
                await ProductEventSeeder.SeedAsync(database, UserId, options.Int("events", 100_000), options.Int("others", 100_000), 50_000);
                await SeedRecentAsync(host, options.Int("recent", 1000));
                Console.WriteLine($"  seeded in {clock.Elapsed.TotalSeconds:0.0} s");
                seeded = true;
            }
            var first = await GetAsync(host, fresh: true);
            Console.WriteLine($"  cache {cache}: {first.EventsAnalyzed} events analysed, {first.PainPoints.Count} pain points, " +
                              $"{first.Hotspots.Count} hotspots, truncated {first.Truncated}");
            var snapshots = host.Services.GetRequiredService<AnalyticsSnapshots>();
            var stored = await host.Services.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>()
                .GetAsync(AnalyticsSnapshots.KeyPrefix + UserId);
            Console.WriteLine($"  snapshot: {(stored is null ? "none" : $"{stored.Length / 1024.0:0.0} KiB")}");
            await MeasureAsync(host, $"uncached, no snapshot ({cache} cache written)", fresh: true, runs: options.Int("runs", 30), expectCached: false,
                before: () => snapshots.ForgetAsync(UserId, CancellationToken.None));
            await MeasureAsync(host, $"uncached, from the snapshot ({cache} cache written)", fresh: true, runs: options.Int("runs", 30), expectCached: false);
            await MeasureAsync(host, $"cached ({cache})", fresh: false, runs: options.Int("cachedRuns", 2000), expectCached: true);
        }
    }

    private static async Task MeasureAsync(IHost host, string name, bool fresh, int runs, bool expectCached, Func<Task>? before = null)
    {
        await GetAsync(host, fresh);
        var times = new List<double>(runs);
        var cpu = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            if (before is not null)
            {
                await before();
            }
            var cpuBefore = ProcessCpu();
            var clock = Stopwatch.StartNew();
            var answer = await GetAsync(host, fresh);
            times.Add(clock.Elapsed.TotalMilliseconds);
            cpu.Add(ProcessCpu() - cpuBefore);
            if (answer.Cached != expectCached)
            {
                throw new InvalidOperationException($"{name}: expected cached={expectCached}, got {answer.Cached}");
            }
        }
        times.Sort();
        cpu.Sort();
        Console.WriteLine($"  {name}: median {Stats.Percentile(times, 50):0.000} ms, p95 {Stats.Percentile(times, 95):0.000} ms, " +
                          $"min {times[0]:0.000} ms, max {times[^1]:0.000} ms ({runs} runs); " +
                          $"CPU of the process per call: median {Stats.Percentile(cpu, 50):0.0} ms, p95 {Stats.Percentile(cpu, 95):0.0} ms");
    }

    private static async Task<UserAnalytics> GetAsync(IHost host, bool fresh)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserAnalytics>().GetAsync(UserId, null, null, null, fresh, CancellationToken.None);
    }

    /// <summary>The user's newest events, stamped in the last four minutes: inside the snapshot's grace period.</summary>
    private static async Task SeedRecentAsync(IHost host, int count)
    {
        string[] types = ["pageview", "tap", "input", "submit", "error", "success", "click", "pageleave"];
        var now = DateTime.UtcNow;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.ProductEvents.AddRange(Enumerable.Range(0, count).Select(i => new Platform.Core.Events.ProductEvent
        {
            UserId = UserId, SessionId = $"recent-{i / 100}", EventType = types[i % types.Length], ComponentId = $"recent-{i % 7}",
            Page = "/recent", Message = i % types.Length == 4 ? "recent failure" : null,
            Timestamp = now.AddMilliseconds(-240_000 + 240_000.0 * i / Math.Max(1, count)), ReceivedAt = now,
        }));
        await db.SaveChangesAsync();
    }

    private static IHost Build(string connectionString, string? cache)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:platformdb", connectionString), new("ConnectionStrings:cache", cache)]);
        builder.Services.AddLogging();
        builder.AddPlatformStorage();
        builder.AddPlatformCache();
        builder.AddUserAnalytics();
        return builder.Build();
    }

    private static async Task<RedisServer?> StartRedisAsync(string cache)
    {
        if (cache == "memory")
        {
            return null;
        }
        var redis = new RedisServer();
        await redis.InitializeAsync();
        if (redis.Available)
        {
            return redis;
        }
        Console.WriteLine($"redis: skipped, {redis.SkipReason ?? "the server did not start"}");
        await redis.DisposeAsync();
        return null;
    }

    /// <summary>
    /// On a shared, loaded machine the wall clock mostly measures the wait for a core; the CPU time the process spent
    /// (all threads, the GC's included, at 10 ms granularity) is what the call costs.
    /// </summary>
    private static double ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }
}
