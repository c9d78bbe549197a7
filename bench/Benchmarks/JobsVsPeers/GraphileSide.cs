using System.Text.Json;
using Npgsql;
using System.Threading.Channels;
using Platform.Bench.Peers;

namespace Platform.Bench.Benchmarks.JobsVsPeers;

/// <summary>
/// graphile-worker (npm, pinned) in one Node.js process run by <c>bench/Peers/graphile/driver.mjs</c>: each command is a
/// line on its standard input, answered by one "result {json}" line. Its times are measured inside that process.
/// </summary>
internal sealed class GraphileSide : IAsyncDisposable
{
    public const string Package = "graphile-worker";
    public const string Version = "0.18.0";

    private readonly NodeProcess _node;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();

    private GraphileSide(NodeProcess node) => _node = node;

    public int Id => _node.Id;

    public static async Task<GraphileSide> StartAsync(string connectionString)
    {
        var prefix = await NpmPackage.EnsureAsync(Package, Version);
        var driver = Path.Combine(AppContext.BaseDirectory, "Peers", "graphile", "driver.mjs");
        var node = NodeProcess.Start(AppContext.BaseDirectory, [driver, prefix], new Dictionary<string, string> { ["DATABASE_URL"] = Url(connectionString) });
        var side = new GraphileSide(node);
        node.Line += line =>
        {
            if (line == "ready" || line.StartsWith("result ", StringComparison.Ordinal) || line.StartsWith("error ", StringComparison.Ordinal))
            {
                side._answers.Writer.TryWrite(line);
            }
        };
        var ready = await side.NextAsync(TimeSpan.FromSeconds(60));
        if (ready != "ready")
        {
            throw new InvalidOperationException($"the graphile-worker driver did not start: {ready}\n{node.Tail()}");
        }
        await side.CommandAsync("migrate");
        return side;
    }

    /// <summary>node-postgres takes a URL, not an Npgsql connection string.</summary>
    private static string Url(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(npgsql.Password) ? "" : ":" + Uri.EscapeDataString(npgsql.Password);
        return $"postgres://{Uri.EscapeDataString(npgsql.Username ?? "postgres")}{password}@{npgsql.Host}:{npgsql.Port}/{Uri.EscapeDataString(npgsql.Database!)}";
    }

    public Task ResetAsync() => CommandAsync("reset");

    /// <summary>Enqueue time in milliseconds.</summary>
    public async Task<double> EnqueueAsync(int jobs, int batch) =>
        (await CommandAsync($"enqueue {jobs} {batch}")).GetProperty("ms").GetDouble();

    /// <summary>Drain time in milliseconds; checks that the handler ran every job.</summary>
    public async Task<double> DrainAsync(int jobs, int concurrency)
    {
        var answer = await CommandAsync($"drain {jobs} {concurrency}");
        var runs = answer.GetProperty("runs").GetInt32();
        if (runs != jobs)
        {
            throw new InvalidOperationException($"graphile-worker ran {runs} of {jobs} jobs");
        }
        return answer.GetProperty("ms").GetDouble();
    }

    /// <summary>Enqueue call to handler start, milliseconds, one per sample.</summary>
    public async Task<List<double>> IdleAsync(int samples, int pauseMs, int concurrency)
    {
        var answer = await CommandAsync($"idle {samples} {pauseMs} {concurrency}");
        var calls = answer.GetProperty("calls").EnumerateArray().Select(e => e.GetDouble()).Order().ToList();
        Console.WriteLine($"  graphile-worker idle: the addJob call itself p50 {Stats.Percentile(calls, 50):0.00} ms");
        return answer.GetProperty("samples").EnumerateArray().Select(e => e.GetDouble()).ToList();
    }

    public double ResidentMiB() => _node.ResidentMiB();

    public double CpuMilliseconds() => _node.CpuMilliseconds();

    private async Task<JsonElement> CommandAsync(string command)
    {
        await _node.SendLineAsync(command);
        var answer = await NextAsync(TimeSpan.FromMinutes(10));
        if (!answer.StartsWith("result ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"graphile-worker driver, '{command}': {answer}\n{_node.Tail()}");
        }
        return JsonDocument.Parse(answer["result ".Length..]).RootElement;
    }

    private async Task<string> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await _answers.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the graphile-worker driver did not answer in {timeout.TotalSeconds:0} s:\n{_node.Tail()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            await _node.SendLineAsync("quit");
            await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(5)), WaitExitAsync());
        }
        await _node.DisposeAsync();
    }

    private async Task WaitExitAsync()
    {
        while (!_node.HasExited)
        {
            await Task.Delay(50);
        }
    }
}
