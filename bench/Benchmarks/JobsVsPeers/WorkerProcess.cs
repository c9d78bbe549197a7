using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Platform.Bench.Peers;

namespace Platform.Bench.Benchmarks.JobsVsPeers;

/// <summary>
/// The built Worker (same configuration as the bench) as its own process with the no-op job kind (<c>Worker:NoOpJobs</c>),
/// so the figures, and the resident memory, are the Worker's own. Watched no-op jobs print their start (Stopwatch ticks:
/// CLOCK_MONOTONIC, the same clock in every process on the machine).
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _watched = new();
    private readonly Queue<string> _lastLines = new();

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static async Task<WorkerProcess> StartAsync(string connectionString, int concurrency, string dataDir)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuiltAssembly("Worker", "Platform.Worker.dll"));
        var url = $"http://127.0.0.1:{FreePort()}";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ConnectionStrings__platformdb"] = connectionString;
        start.Environment["Platform__DataDir"] = dataDir;
        start.Environment["Worker__NoOpJobs"] = "true";
        start.Environment["Jobs__Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture);
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var worker = new WorkerProcess(Process.Start(start)!);
        worker._process.OutputDataReceived += (_, e) => worker.OnLine(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 600 && !worker._process.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode)
                {
                    return worker;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        var tail = worker.Tail();
        await worker.DisposeAsync();
        throw new InvalidOperationException($"the Worker did not become healthy:\n{tail}");
    }

    /// <summary>Completes with the Stopwatch timestamp at which the Worker's handler started the job.</summary>
    public Task<long> WatchStart(Guid jobId)
    {
        var started = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _watched[jobId] = started;
        return started.Task;
    }

    public double ResidentMiB() => ProcessStats.ResidentMiB(_process.Id);

    public double CpuMilliseconds() => ProcessStats.CpuMilliseconds(_process.Id);

    public string Tail()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        var parts = line.Split(' ');
        if (parts is ["noop-started", var id, var ticks] && _watched.TryRemove(Guid.Parse(id), out var started))
        {
            started.TrySetResult(long.Parse(ticks, CultureInfo.InvariantCulture));
            return;
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>bench/bin/&lt;configuration&gt;/&lt;tfm&gt;/ -> &lt;project&gt;/bin/&lt;configuration&gt;/&lt;tfm&gt;/&lt;assembly&gt;.</summary>
    private static string BuiltAssembly(string project, string assembly)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent;
        }
        return Path.Combine(root!.FullName, project, "bin", output.Parent!.Name, output.Name, assembly);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Killed between rounds, with its queue drained: nothing is left for a graceful stop to release.
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
