using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>The built AppHost run as a real process, as a user would run it, with its output captured.</summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    public const string AdminKey = "e2e-admin-key-0123456789";
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TempDirectory _directory = new("e2e");

    public ConcurrentDictionary<string, string> Urls { get; } = new();
    public ConcurrentBag<int> ChildPids { get; } = [];
    public string DataDirectory => Path.Combine(_directory.Path, ".data");

    public AppHostProcess()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { LocateAppHost(), "--api-port", "0", "--web-port", "0", "--worker-port", "0" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Platform__AdminKey"] = AdminKey;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the AppHost");
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"AppHost exited early ({_process.ExitCode}):\n{Log}"));
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_ready.Task, Task.Delay(timeout, TestContext.Current.CancellationToken));
        if (finished != _ready.Task)
        {
            throw new TimeoutException($"AppHost not ready within {timeout}:\n{Log}");
        }
        await _ready.Task;
    }

    /// <summary>What Ctrl+C does in a terminal: SIGINT to the AppHost, then wait for it to stop everything.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        if (kill(_process.Id, 2) != 0)
        {
            throw new InvalidOperationException("could not signal the AppHost");
        }
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("Platform.", StringComparison.Ordinal);

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
        if (StartedLine().Match(line) is { Success: true } started)
        {
            ChildPids.Add(int.Parse(started.Groups["pid"].Value));
        }
        if (TableRow().Match(line) is { Success: true } row)
        {
            Urls[row.Groups["name"].Value] = row.Groups["url"].Value;
        }
        if (line.Trim() == "[apphost] ready")
        {
            _ready.TrySetResult();
        }
    }

    private static string LocateAppHost()
    {
        // The test's own output folder (tests/<project>/bin/<configuration>/<tfm>/) names the configuration to use.
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = baseDirectory.Parent!.Name;
        var root = baseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent;
        }
        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test folder"),
            "AppHost", "bin", configuration, baseDirectory.Name, "Platform.AppHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the AppHost first", path);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        foreach (var pid in ChildPids.Where(IsAlive))
        {
            Process.GetProcessById(pid).Kill(entireProcessTree: true);
        }
        _process.Dispose();
        _directory.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [GeneratedRegex(@"\[apphost\] started (?<name>\w+) \(pid (?<pid>\d+)\)")]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"^\[apphost\] (?<name>api|worker|web)\s+(?<url>https?://\S+)\s+\d+")]
    private static partial Regex TableRow();
}
