using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;
using Platform.Core.Gateway;
using Platform.Core.Interactions;
using Platform.Core.Interactions.Rollups;
using Platform.Testing;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// The recording path: <c>producers</c> tasks add <c>count</c> gateway-like interactions to the
/// <see cref="InteractionBuffer"/> as fast as it takes them, and the writer (as AddInteractionRecording registers
/// it, rollup triggers included) stores them. Sustained rate = count / (first add to last row stored), then the
/// rows and the rollups' sum are counted: none may be missing.
/// Options: [db=sqlite|postgres|both] [count=200000] [producers=8] [durable=true] (PostgreSQL fsync and synchronous_commit on)
/// [rollups=true] (false drops the rollup triggers first, to show what they cost) [batch=n] (the writer's batch size,
/// Interactions:Buffer:BatchSize; the default is the platform's).
/// </summary>
public sealed class RecordingBenchmark : IBenchmark
{
    public string Description => "interactions/s through the buffer and the batched writer into SQLite and PostgreSQL, none lost";

    public async Task RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var which = options.String("db") ?? "both";
        var count = options.Int("count", 200_000);
        var producers = options.Int("producers", 8);
        var rollups = options.String("rollups") is null or "true" or "1";
        var batch = options.String("batch");
        if (which is "sqlite" or "both")
        {
            using var data = new TempDirectory("bench-recording");
            await RunOnAsync($"Data Source={Path.Combine(data.Path, "bench.db")}", data.Path, count, producers, rollups, batch);
        }
        if (which is "postgres" or "both")
        {
            await using var postgres = await BenchPostgres.StartAsync();
            if (postgres is null)
            {
                return;
            }
            if (options.String("durable") is null or "true" or "1")
            {
                await BenchPostgres.MakeDurableAsync(postgres.AdminConnectionString);
                Console.WriteLine("postgres: fsync, synchronous_commit and full_page_writes on");
            }
            using var data = new TempDirectory("bench-recording");
            await RunOnAsync(await postgres.CreateDatabaseAsync("bench_recording"), data.Path, count, producers, rollups, batch);
        }
    }

    private static async Task RunOnAsync(string connectionString, string dataDirectory, int count, int producers, bool rollups, string? batch)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:platformdb"] = connectionString,
            ["Platform:DataDir"] = dataDirectory,
            // Producers wait for space as long as it takes: this measures the writer, not the 503 path.
            ["Interactions:Buffer:EnqueueWaitMilliseconds"] = "600000",
        });
        if (batch is not null)
        {
            builder.Configuration["Interactions:Buffer:BatchSize"] = batch;
        }
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.AddPlatformStorage();
        builder.AddInteractionRecording();
        using var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, CancellationToken.None);
        var database = host.Services.GetRequiredService<DatabaseInfo>();
        Console.WriteLine($"== {database.Provider} ({database.Description}), {count} interactions from {producers} producers, rollups {(rollups ? "on" : "off")}, batch {batch ?? "default"}");
        if (!rollups)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(
                database.Provider == DatabaseProvider.PostgreSql ? RollupSql.PostgresDown : RollupSql.SqliteDown);
        }
        await host.StartAsync();
        var buffer = host.Services.GetRequiredService<InteractionBuffer>();

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var per = count / producers;
        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < (p == producers - 1 ? count - (per * p) : per); i++)
            {
                await buffer.AddAsync(new InteractionWrite(Make((p * per) + i)));
            }
        })));
        var added = clock.Elapsed.TotalSeconds;
        long stored;
        while ((stored = await CountAsync(host.Services)) < count)
        {
            // Not too often: a COUNT(*) reads a whole index, and its CPU would count against the writer.
            await Task.Delay(250);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        // CPU time per record does not depend on what else the machine runs, unlike the rate.
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        await host.StopAsync();
        var (rows, rolledUp) = await CountsAsync(host.Services);
        Console.WriteLine($"  added in {added:0.00} s; all {stored} stored in {seconds:0.00} s = {count / seconds:0} interactions/s sustained; " +
                          $"this process used {cpuMs / 1000:0.0} s CPU = {cpuMs * 1000 / count:0.0} µs per interaction");
        Console.WriteLine($"  after stop: {rows} rows, rollups sum {rolledUp}: {(rows == count && (rolledUp == count || !rollups) ? "none lost" : "MISMATCH")}");
    }

    /// <summary>Shaped like a gateway row: messages, prompt, answer, usage, cost, timings.</summary>
    private static Interaction Make(int i) => new()
    {
        Type = "chat", Status = i % 25 == 0 ? InteractionStatus.Failed : InteractionStatus.Completed, Source = "api",
        MessagesJson = "[{\"role\":\"user\",\"content\":\"Summarise ticket " + i + " in one sentence.\"}]",
        RenderedPrompt = "Summarise ticket " + i + " in one sentence.", Response = i % 25 == 0 ? null : "Ticket " + i + " asks for a refund of a duplicate charge.",
        ErrorMessage = i % 25 == 0 ? "provider timeout" : null, ModelRequested = "gpt-4o-mini", Model = i % 3 == 0 ? "gpt-4o" : "gpt-4o-mini",
        Provider = "openai", InputTokens = 24, OutputTokens = 14, TotalTokens = 38, CostUsd = 0.000012, LatencyMs = 150 + (i % 900) + 0.25,
        TimeToFirstTokenMs = 80, OwnerUserId = Guid.Empty, EndUserId = "u" + (i % 100), SessionId = "s" + (i % 1000), MissingVariablesJson = "[]",
        CreatedAt = DateTime.UtcNow, CompletedAt = DateTime.UtcNow,
    };

    private static async Task<long> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Interactions.LongCountAsync();
    }

    private static async Task<(long Rows, long RolledUp)> CountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.Interactions.LongCountAsync(), await db.Set<InteractionRollup>().SumAsync(r => r.Count));
    }
}
