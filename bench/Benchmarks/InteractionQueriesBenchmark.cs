using System.Diagnostics;
using Platform.Bench.Benchmarks.Interactions;
using Platform.Bench.Load;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// The interaction queries over a large table, through the real Api process: metrics for 30 days by day, a filtered
/// list page, and a full CSV export (rows/s and the Api's peak resident memory, VmHWM).
/// Options: [db=sqlite|postgres|both] [rows=1000000] [days=60] [batch=50000] [repeat=5]
/// [sqlite-dir=path] (keep the SQLite database there and reuse it, seeded, on the next run: for iterating on queries)
/// [explain=false] (true prints the plans of the list page and the metrics' rollup reads) [analyze=true] (false: query PostgreSQL right after the COPY, before autovacuum has gathered statistics).
/// </summary>
public sealed class InteractionQueriesBenchmark : IBenchmark
{
    private const string AdminKey = "bench-admin-key";

    public string Description => "interaction metrics, list page and CSV export over a large table (SQLite, PostgreSQL)";

    public async Task RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var rows = options.Int("rows", 1_000_000);
        var which = options.String("db") ?? "both";
        Console.WriteLine($"rows: {rows} over {options.Int("days", 60)} days");
        if (which is "sqlite" or "both")
        {
            if (options.String("sqlite-dir") is { } kept)
            {
                Directory.CreateDirectory(kept);
                await RunOnAsync($"Data Source={Path.Combine(kept, "bench.db")}", kept, rows, options);
            }
            else
            {
                using var data = new TempDirectory("bench-interactions");
                await RunOnAsync($"Data Source={Path.Combine(data.Path, "bench.db")}", data.Path, rows, options);
            }
        }
        if (which is "postgres" or "both")
        {
            await using var postgres = await BenchPostgres.StartAsync();
            if (postgres is null)
            {
                return;
            }
            using var data = new TempDirectory("bench-interactions");
            await RunOnAsync(await postgres.CreateDatabaseAsync("bench_interactions"), data.Path, rows, options);
        }
    }

    private static async Task RunOnAsync(string connectionString, string dataDirectory, int rows, BenchOptions options)
    {
        var database = DatabaseSelector.Select(connectionString, dataDirectory);
        Console.WriteLine($"== {database.ProviderName} ({database.Description})");
        // The Api migrates the schema as it starts; the rows go in beside it, as the buffer would have written them.
        await using var api = await ApiProcess.StartAsync(Infra.FreePort(), new Dictionary<string, string>
        {
            ["Platform__AdminKey"] = AdminKey,
            ["Platform__DataDir"] = dataDirectory,
            ["ConnectionStrings__platformdb"] = connectionString,
        });
        var now = await InteractionSeeder.NewestAsync(database) ?? DateTime.UtcNow;
        if (await InteractionSeeder.CountAsync(database) < rows)
        {
            var seed = Stopwatch.StartNew();
            await InteractionSeeder.SeedAsync(database, rows, options.Int("days", 60), options.Int("batch", 50_000), now);
            Console.WriteLine($"  seeded {rows} rows in {seed.Elapsed.TotalSeconds:0.0} s ({rows / seed.Elapsed.TotalSeconds:0} rows/s, bulk insert)");
            if (options.String("analyze") is not "false")
            {
                await InteractionSeeder.AnalyzeAsync(database);
            }
        }

        using var http = new HttpClient { BaseAddress = new Uri(api.Url), Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
        var repeat = options.Int("repeat", 5);
        if (options.String("explain") is "true")
        {
            await InteractionPlans.PrintAsync(database, now.AddDays(-30), now);
        }
        var from = now.AddDays(-30).ToString("O");
        var to = now.ToString("O");
        await TimeAsync(http, api, "metrics, 30 days, bucket=day", $"/api/interactions/metrics?bucket=day&from={from}&to={to}", repeat);
        await TimeAsync(http, api, "list page (model, status, 50 rows)", "/api/interactions?model=gpt-4o&status=success&limit=50", repeat);
        await TimeAsync(http, api, "list page (q=item 4242, 50 rows)", "/api/interactions?q=item%204242&limit=50", repeat);
        await ExportAsync(http, api, rows);
    }

    private static async Task TimeAsync(HttpClient http, ApiProcess api, string name, string url, int repeat)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i <= repeat; i++)
        {
            var cpuBefore = api.CpuMilliseconds();
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i > 0)
            {
                // The first call warms the caches and the JIT; it is not counted.
                times.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add(api.CpuMilliseconds() - cpuBefore);
            }
        }
        times.Sort();
        cpu.Sort();
        Console.WriteLine($"  {name}: median {times[times.Count / 2]:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms ({repeat} runs); Api CPU median {cpu[cpu.Count / 2]:0} ms");
    }

    private static async Task ExportAsync(HttpClient http, ApiProcess api, int rows)
    {
        var cpu = api.CpuMilliseconds();
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync("/api/interactions/export?format=csv", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (api.CpuMilliseconds() - cpu) / 1000;
        Console.WriteLine($"  CSV export: {rows} rows, {bytes / 1048576.0:0} MiB in {seconds:0.0} s = {rows / seconds:0} rows/s " +
                          $"(Api CPU {cpuSeconds:0.0} s = {rows / cpuSeconds:0} rows per CPU second); " +
                          $"Api peak resident memory (VmHWM, whole run) {api.PeakResidentMiB():0} MiB");
    }
}
