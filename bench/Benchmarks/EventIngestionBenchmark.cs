using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Bench.Load;
using Platform.Bench.Peers;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// Event ingestion over HTTP into the real Api process: concurrent callers post batches of events to POST /api/events
/// for a fixed time; then the rows are counted until every accepted event is stored (none may be lost).
/// Options: [db=sqlite|postgres|both] [seconds=20] [batch=500] [concurrency=8] [warmup=3] [direct=20000] [timestamps=now|spread];
/// [api-env="NAME=value;..."] extra environment for the Api (e.g. Events__Buffer__BatchSize=30000);
/// [api=/path/to/Platform.Api.dll] another build of the Api, for an A/B.
/// </summary>
public sealed class EventIngestionBenchmark : IBenchmark
{
    private const string AdminKey = "bench-admin-key";
    // The event writer's batch size (Events:Buffer:BatchSize), so the direct insert measures what the writer does.
    private static readonly int DirectBatch = new Platform.Core.Events.EventBufferOptions().BatchSize;

    public string Description => "events/s through POST /api/events in batches, then a count of the stored rows (SQLite, PostgreSQL)";

    public async Task RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var which = options.String("db") ?? "both";
        if (which is "sqlite" or "both")
        {
            using var data = new TempDirectory("bench-events");
            await RunOnAsync($"Data Source={Path.Combine(data.Path, "bench.db")}", data.Path, options);
        }
        if (which is "postgres" or "both")
        {
            await using var postgres = await BenchPostgres.StartAsync();
            if (postgres is null)
            {
                return;
            }
            using var data = new TempDirectory("bench-events");
            await RunOnAsync(await postgres.CreateDatabaseAsync("bench_events"), data.Path, options);
        }
    }

    private static async Task RunOnAsync(string connectionString, string dataDirectory, BenchOptions options)
    {
        var batch = options.Int("batch", 500);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 20));
        var concurrency = options.Int("concurrency", 8);
        var database = DatabaseSelector.Select(connectionString, dataDirectory);
        Console.WriteLine($"== {database.ProviderName} ({database.Description}): batches of {batch}, {concurrency} callers, {duration.TotalSeconds} s");
        await using var api = await ApiProcess.StartAsync(Infra.FreePort(), options.WithApiEnvironment(new Dictionary<string, string>
        {
            ["Platform__AdminKey"] = AdminKey,
            ["Platform__DataDir"] = dataDirectory,
            ["ConnectionStrings__platformdb"] = connectionString,
        }), options.ApiDll);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(api.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var spread = options.String("timestamps") == "spread";
        var bodies = new EventBodies(64, batch, stampAtSend: !spread);
        Console.WriteLine($"  body: {bodies.BytesPerBody / 1024.0:0} KiB per batch of {batch}; client timestamps "
            + (spread ? "spread over the hour before the run" : "stamped at each send, up to 2 s old"));

        long accepted = 0;
        long refused = 0;
        async Task<bool> Post()
        {
            using var content = new ByteArrayContent(bodies.Next());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/api/events", content);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Interlocked.Add(ref accepted, JsonDocument.Parse(text).RootElement.GetProperty("accepted").GetInt32());
                return true;
            }
            // 503: the buffer stayed full for the whole wait (back-pressure); the caller would retry. Nothing is acknowledged.
            Interlocked.Increment(ref refused);
            return false;
        }

        await LoadGenerator.SaturateAsync(Post, concurrency, TimeSpan.FromSeconds(options.Int("warmup", 3)));
        var warmed = await WaitStoredAsync(database, Interlocked.Read(ref accepted));
        (accepted, refused) = (0, 0);
        var cpu = api.CpuMilliseconds() / 1000;
        var threads = ProcessStats.ThreadCpu(api.Id);
        var callers = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var load = await LoadGenerator.SaturateAsync(Post, concurrency, duration);
        var posting = clock.Elapsed.TotalSeconds;
        var callersCpu = (Process.GetCurrentProcess().TotalProcessorTime - callers).TotalSeconds;
        var stored = await WaitStoredAsync(database, warmed + accepted) - warmed;
        var storing = clock.Elapsed.TotalSeconds;
        cpu = api.CpuMilliseconds() / 1000 - cpu;
        var split = CpuSplit(threads, ProcessStats.ThreadCpu(api.Id));

        Console.WriteLine($"  accepted {accepted} events in {load.LatenciesMs.Length} requests over {posting:0.0} s = {accepted / posting:0} events/s "
            + $"(request p50 {load.P50:0.0} ms, p99 {load.P99:0.0} ms; {refused} answered 503)");
        Console.WriteLine($"  stored {stored} of {accepted} ({(stored == accepted ? "none lost" : $"{accepted - stored} MISSING")}); "
            + $"all stored {storing:0.0} s after the start = {stored / storing:0} events/s sustained into the table");
        // On a shared machine the wall-clock rates depend on the neighbours; the Api's own CPU time per event does not.
        await DirectInsertAsync(database, options.Int("direct", 20_000), spread);
        Console.WriteLine($"  Api CPU time {cpu:0.0} s = {stored / cpu:0} events per CPU-second (parse, validate, buffer, insert); "
            + $"load average now {MachineInfo.LoadAverage()}; Api peak resident memory (VmHWM) {api.PeakResidentMiB():0} MiB");
        // Where the Api's CPU went: the writer thread (the bulk insert), the JIT compiling hot code in the background
        // (start-up work that a short run pays within its measured window), and the rest (HTTP, parse, validation, GC).
        Console.WriteLine($"  Api CPU split: writer thread {split.Writer:0.0} s = {split.Writer * 1e6 / stored:0.0} µs per event; "
            + $"JIT {split.Jit:0.0} s; the rest {cpu - split.Writer - split.Jit:0.0} s = {(cpu - split.Writer - split.Jit) * 1e6 / stored:0.0} µs per event; "
            + $"without the JIT {stored / (cpu - split.Jit):0} events per CPU-second; the bench's callers {callersCpu * 1e6 / accepted:0.0} µs per event");
    }

    /// <summary>
    /// CPU seconds between two thread snapshots of the Api spent by its long-running threads (the buffered writers) and
    /// by the tiered-compilation thread; a thread that exited in between counts as the rest.
    /// </summary>
    private static (double Writer, double Jit) CpuSplit(
        Dictionary<int, (string Name, double CpuMilliseconds)> before, Dictionary<int, (string Name, double CpuMilliseconds)> after) =>
        (ProcessStats.ThreadCpuSecondsBetween(before, after, ".NET Long Run"), ProcessStats.ThreadCpuSecondsBetween(before, after, ProcessStats.JitThread));

    /// <summary>
    /// The writer's share alone: the same bulk insert the event store does, from this process, in the writer's batches, timed
    /// in wall-clock and in this process's CPU time (the database server's own work is not in the latter on PostgreSQL).
    /// </summary>
    private static async Task DirectInsertAsync(DatabaseInfo database, int count, bool spread)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, database);
        var random = new Random(7);
        var rows = Enumerable.Range(0, count).Select(i => new Platform.Core.Events.ProductEvent
        {
            UserId = $"direct-{random.Next(10_000)}", SessionId = $"s-{random.Next(100_000)}", EventType = EventBodies.Types[random.Next(EventBodies.Types.Length)],
            ComponentId = $"button-{random.Next(200)}", Page = "/checkout", PageUrl = "https://shop.example.com/checkout",
            Timestamp = spread ? DateTime.UtcNow.AddSeconds(-random.Next(3600)) : DateTime.UtcNow.AddMilliseconds(-random.Next(2000)), ReceivedAt = DateTime.UtcNow, X = random.Next(1920), Y = random.Next(1080),
            DurationMs = random.Next(5000), ExtraJson = """{"plan":"pro","ab":"a"}""",
        }).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        // On one thread of its own, blocking, as the event writer runs it: that thread's CPU is the insert's alone.
        var thread = await Task.Factory.StartNew(() =>
        {
            var start = ProcessStats.CurrentThreadCpuMilliseconds();
            foreach (var chunk in rows.Chunk(DirectBatch))
            {
                using var db = new PlatformDbContext(options.Options);
                var batch = chunk.ToList();
                Platform.Core.Events.EventStore.PutInInsertOrder(batch);
                BulkInsert.Insert(db, batch);
            }
            return (ProcessStats.CurrentThreadCpuMilliseconds() - start) / 1000;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"  direct bulk insert (no HTTP): {count} events in {seconds:0.00} s = {count / seconds:0} events/s; "
            + $"{cpuSeconds:0.00} s CPU in this process = {count / cpuSeconds:0} events per CPU-second; "
            + $"the inserting thread alone {thread * 1e6 / count:0.0} µs CPU per event");
    }

    /// <summary>Counts rows until <paramref name="expected"/> are there, or the count stops moving for 10 s.</summary>
    private static async Task<long> WaitStoredAsync(DatabaseInfo database, long expected)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, database);
        long count = -1;
        var still = Stopwatch.StartNew();
        while (true)
        {
            await using var db = new PlatformDbContext(options.Options);
            var now = await db.ProductEvents.LongCountAsync();
            if (now >= expected || still.Elapsed > TimeSpan.FromSeconds(10))
            {
                return now;
            }
            if (now != count)
            {
                (count, still) = (now, Stopwatch.StartNew());
            }
            await Task.Delay(20);
        }
    }
}
