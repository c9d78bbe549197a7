using Npgsql;
using Platform.Bench.Benchmarks.Jobs;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Testing;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// No-op jobs through the real claim loop (JobProcessor, JobRunner, JobStore, LISTEN/NOTIFY) on SQLite and PostgreSQL:
/// drain throughput of a bulk-enqueued backlog, then enqueue-to-start latency while idle.
/// Options: [db=sqlite|postgres|both] [jobs=100000] [batch=5000] [concurrency=4] [workers=1] [samples=200]
/// [pause=200] (ms between idle samples) [idle=50] (SQLite's extra short idle poll, ms) [durable=true] (PostgreSQL
/// with fsync and synchronous_commit on, unlike the test server's defaults) [analyze=false] (PostgreSQL: ANALYZE jobs
/// after the enqueue, so the drain runs with fresh planner statistics) [autoprepare=0] (Npgsql Max Auto Prepare: the
/// platform's connection strings leave it off). samples=0 skips the idle phase.
/// </summary>
public sealed class JobThroughputBenchmark : IBenchmark
{
    public string Description => "no-op job drain throughput and idle enqueue-to-start latency (SQLite, PostgreSQL)";

    public async Task RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var settings = new JobBenchSettings(
            options.Int("jobs", 100_000), options.Int("batch", 5_000), options.Int("concurrency", new JobOptions().Concurrency),
            options.Int("workers", 1), options.Int("samples", 200), options.Int("pause", 200), options.Int("idle", 50),
            Flag(options, "analyze", fallback: false));
        var which = options.String("db") ?? "both";
        var durable = Flag(options, "durable", fallback: true);
        Console.WriteLine($"jobs: {settings.Jobs}, batch: {settings.Batch}, workers: {settings.Workers} x concurrency {settings.Concurrency}, " +
                          $"idle samples: {settings.Samples}{(settings.Analyze ? ", ANALYZE before the drain" : "")}");

        using var directory = new TempDirectory("bench-jobs");
        if (which is "sqlite" or "both")
        {
            await JobBenchRun.RunAsync(DatabaseSelector.Select(null, directory.Path), settings);
        }
        if (which is "postgres" or "both")
        {
            await using var postgres = await BenchPostgres.StartAsync();
            if (postgres is null)
            {
                return;
            }
            if (durable)
            {
                await BenchPostgres.MakeDurableAsync(postgres.AdminConnectionString);
            }
            Console.WriteLine($"postgres: {(durable ? "fsync, synchronous_commit and full_page_writes on" : "test settings: fsync, synchronous_commit and full_page_writes off")}");
            // The test server caps pools at 20; concurrency above that would measure waiting for a connection.
            var connection = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync("bench_jobs")) { MaxPoolSize = 100, MaxAutoPrepare = options.Int("autoprepare", 0) };
            if (connection.MaxAutoPrepare > 0)
            {
                Console.WriteLine($"postgres: Npgsql Max Auto Prepare = {connection.MaxAutoPrepare}");
            }
            await JobBenchRun.RunAsync(DatabaseSelector.Select(connection.ConnectionString, directory.Path), settings);
        }
    }

    private static bool Flag(BenchOptions options, string name, bool fallback) =>
        options.String(name) is { } value ? value is "true" or "1" : fallback;
}
