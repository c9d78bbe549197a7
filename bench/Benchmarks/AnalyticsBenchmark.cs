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
/// every event, fold, store); a warming pass as ingestion triggers it, and the first uncached answer after it; uncached
/// from the snapshot (fresh=true: count, read the events since, fold, store); and cached (a hit). <c>recent</c> of the user's events are stamped inside the snapshot's grace period, so every answer
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
            await MeasureWarmedAsync(host, cache, first.EventsAnalyzed, options.Int("runs", 30));
            await MeasureAsync(host, $"uncached, from the snapshot ({cache} cache written)", fresh: true, runs: options.Int("runs", 30), expectCached: false);
            await MeasureAsync(host, $"cached ({cache})", fresh: false, runs: options.Int("cachedRuns", 2000), expectCached: true);
        }
    }

    private static readonly TimeSpan CachedWarmUp = TimeSpan.FromSeconds(3);

    private static async Task MeasureAsync(IHost host, string name, bool fresh, int runs, bool expectCached, Func<Task>? before = null)
    {
        await GetAsync(host, fresh);
        if (!fresh)
        {
            // A hit takes well under a millisecond, so the measured calls would otherwise run the JIT's first-tier code
            // in a fresh process (the first database measured paid for it): calls for a while first, unmeasured, until
            // the tiered JIT has compiled the hot path again on its background thread.
            for (var warm = Stopwatch.StartNew(); warm.Elapsed < CachedWarmUp;)
            {
                await GetAsync(host, fresh);
            }
        }
        var times = new CallTimes();
        for (var i = 0; i < runs; i++)
        {
            if (before is not null)
            {
                await before();
            }
            var answer = await times.MeasureAsync(() => GetAsync(host, fresh));
            if (answer.Cached != expectCached)
            {
                throw new InvalidOperationException($"{name}: expected cached={expectCached}, got {answer.Cached}");
            }
        }
        times.Print(name);
    }

    /// <summary>
    /// What ingestion leaves: the user noted in the warm tally as if their events had just been stored, with no snapshot;
    /// a warming pass (what the Api's SnapshotWarmer runs in the background) and then the first uncached answer.
    /// </summary>
    private static async Task MeasureWarmedAsync(IHost host, string cache, long events, int runs)
    {
        var snapshots = host.Services.GetRequiredService<AnalyticsSnapshots>();
        var tally = host.Services.GetRequiredService<SnapshotWarmTally>();
        var warmer = host.Services.GetServices<IHostedService>().OfType<SnapshotWarmer>().Single();
        var (passes, answers) = (new CallTimes(), new CallTimes());
        for (var i = 0; i < runs; i++)
        {
            await snapshots.ForgetAsync(UserId, CancellationToken.None);
            tally.Note(UserId, events);
            if (await passes.MeasureAsync(() => warmer.WarmDueAsync(CancellationToken.None)) != 1)
            {
                throw new InvalidOperationException("The warming pass saved no snapshot.");
            }
            await answers.MeasureAsync(() => GetAsync(host, fresh: true));
        }
        passes.Print($"warming pass, one user, no snapshot before ({cache} cache; in the background, after ingestion)");
        answers.Print($"uncached, first answer after warming ({cache} cache written)");
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
}
