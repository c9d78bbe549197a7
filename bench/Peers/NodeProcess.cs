using System.Diagnostics;

namespace Platform.Bench.Peers;

/// <summary>
/// A Node.js peer (a gateway, a job worker) run as its own process. Its output is kept (the last lines are shown if it
/// fails) and it is killed with its children on dispose.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private NodeProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>node</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static NodeProcess Start(string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var node = new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("node did not start"));
        node._process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Writes one line to the process's standard input (a peer driven by commands).</summary>
    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Fires for every line the process prints (standard output and error).</summary>
    public event Action<string>? Line;

    /// <summary>The last lines it printed, for an error message.</summary>
    public string Tail()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    public double ResidentMiB() => ProcessStats.ResidentMiB(_process.Id);

    public double PeakResidentMiB() => ProcessStats.PeakResidentMiB(_process.Id);

    public double CpuMilliseconds() => ProcessStats.CpuMilliseconds(_process.Id);

    private void Keep(string? line)
    {
        if (line is null)
        {
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
        Line?.Invoke(line);
    }

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
