using System.Diagnostics;
using Platform.Bench.Peers;

namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>
/// This bench build started again as a process of its own in one of its helper modes (<c>fake-upstream</c>,
/// <c>yarp-forwarder</c>), so that what it serves shares no thread pool or GC with the load generator and its CPU and
/// memory can be read apart. The child prints one line per address; it serves until its standard input closes, and it
/// is killed with its children on dispose.
/// </summary>
public sealed class BenchChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BenchChildProcess(Process process, IReadOnlyDictionary<string, string> lines) => (_process, Lines) = (process, lines);

    public int Id => _process.Id;

    /// <summary>What followed each awaited prefix on the child's standard output.</summary>
    public IReadOnlyDictionary<string, string> Lines { get; }

    public double CpuMilliseconds() => ProcessStats.CpuMilliseconds(_process.Id);

    public double ResidentMiB() => ProcessStats.ResidentMiB(_process.Id);

    public double PeakResidentMiB() => ProcessStats.PeakResidentMiB(_process.Id);

    /// <summary>Starts <c>Platform.Bench &lt;arguments&gt;</c> and waits (up to a minute) for a line starting with each prefix.</summary>
    public static async Task<BenchChildProcess> StartAsync(IEnumerable<string> arguments, params string[] prefixes)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        start.ArgumentList.Add(typeof(BenchChildProcess).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var name = start.ArgumentList[1];
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"{name} | {e.Data}"); };
        process.BeginErrorReadLine();
        var lines = new Dictionary<string, string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (lines.Count < prefixes.Length && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (prefixes.FirstOrDefault(p => line.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
            {
                lines[prefix] = line[prefix.Length..];
            }
        }
        if (lines.Count < prefixes.Length)
        {
            process.Kill(true);
            throw new InvalidOperationException($"{name} exited before printing its addresses");
        }
        // Keep reading so a full pipe never blocks it.
        _ = process.StandardOutput.ReadToEndAsync();
        return new BenchChildProcess(process, lines);
    }

    /// <summary>For the child: returns once the parent closes standard input (or dies).</summary>
    public static Task ParentGoneAsync() => Task.Run(() => Console.In.ReadToEnd());

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
