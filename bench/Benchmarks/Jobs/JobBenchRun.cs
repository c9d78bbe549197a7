using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Bench.Benchmarks.Jobs;

internal sealed record JobBenchSettings(int Jobs, int Batch, int Concurrency, int Workers, int Samples, int PauseMs, int ShortIdlePollMs, bool Analyze);

/// <summary>Both phases on one database; on SQLite the idle phase again with a short idle poll, as it has no NOTIFY.</summary>
internal static class JobBenchRun
{
    public static async Task RunAsync(DatabaseInfo database, JobBenchSettings settings)
    {
        Console.WriteLine($"== {database.ProviderName} ({database.Description})");
        var handler = new NoOpJobHandler();
        var defaults = Options(settings, new JobOptions().IdlePollMilliseconds);
        await using (var host = new JobBenchHost(database, defaults, handler))
        {
            await host.MigrateAsync();
            await ThroughputPhase.RunAsync(host, handler, settings.Jobs, settings.Batch, settings.Workers,
                settings.Analyze && database.Provider == DatabaseProvider.PostgreSql);
            await IdlePhaseAsync(host, handler, database, defaults, settings);
        }
        if (database.Provider == DatabaseProvider.Sqlite && settings.Samples > 0)
        {
            await using var host = new JobBenchHost(database, Options(settings, settings.ShortIdlePollMs), handler);
            await IdlePhaseAsync(host, handler, database, Options(settings, settings.ShortIdlePollMs), settings);
        }
    }

    private static async Task IdlePhaseAsync(JobBenchHost host, NoOpJobHandler handler, DatabaseInfo database, JobOptions options, JobBenchSettings settings)
    {
        if (settings.Samples <= 0)
        {
            return;
        }
        var notified = database.Provider == DatabaseProvider.PostgreSql;
        // Without NOTIFY the loop finds a job at its next poll: wait out the backoff to the idle interval, then land at
        // a random point of one idle wait. With NOTIFY the pause only has to leave the loop waiting.
        var ramp = RampToIdle(options);
        var (least, spread) = notified
            ? (settings.PauseMs, 50.0)
            : (Math.Max(settings.PauseMs, ramp), (double)options.IdlePollMilliseconds);
        Console.WriteLine($"  idle latency: idle poll {options.IdlePollMilliseconds} ms, {(notified ? "LISTEN/NOTIFY wake-up" : "polling only")}, " +
                          $"pause {least:0}-{least + spread:0} ms before each of {settings.Samples} samples");
        host.StartWorkers(settings.Workers);
        await IdleLatencyPhase.RunAsync(host, handler, settings.Samples, () => TimeSpan.FromMilliseconds(least + Random.Shared.NextDouble() * spread));
        await host.StopWorkersAsync();
    }

    private static JobOptions Options(JobBenchSettings settings, int idlePollMs) =>
        new() { Concurrency = settings.Concurrency, IdlePollMilliseconds = idlePollMs };

    /// <summary>How long the claim loop's doubling waits take to reach the idle interval after the last job.</summary>
    private static double RampToIdle(JobOptions options)
    {
        var total = 0.0;
        for (double wait = options.BusyPollMilliseconds; wait < options.IdlePollMilliseconds; wait *= 2)
        {
            total += wait;
        }
        return total;
    }
}
