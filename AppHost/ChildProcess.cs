using System.ComponentModel;
using System.Diagnostics;

namespace Platform.AppHost;

/// <summary>
/// One supervised child: echoes its output line by line with its name, restarts it after an
/// unexpected exit (1 s, 2 s, 4 s ... 30 s; back to 1 s once it stayed up 60 s), and stops it with
/// its stop signal first and a process-tree kill second.
/// </summary>
internal sealed class ChildProcess(ChildSpec spec, CancellationToken shuttingDown)
{
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stopping = CancellationTokenSource.CreateLinkedTokenSource(shuttingDown);
    private readonly Lock _gate = new();
    private Process? _process;
    private Task _supervisor = Task.CompletedTask;

    public string Name => spec.Name;

    public int? Pid
    {
        get
        {
            lock (_gate)
            {
                return _process is { } p && p.IsRunning() ? p.Id : null;
            }
        }
    }

    public void Start() => _supervisor = Task.Run(SuperviseAsync);

    public async Task StopAsync(TimeSpan grace)
    {
        // Cancel before reading _process: a launch racing with us either sees the flag or is visible here.
        _stopping.Cancel();
        Process? process;
        lock (_gate)
        {
            process = _process;
        }

        if (process is null)
        {
            return;
        }

        if (process.IsRunning() && !Posix.TrySignal(process.Id, spec.StopSignal))
        {
            process.KillTree();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            ConsoleLog.Info($"{Name} did not stop within {grace.TotalSeconds:0} s; killing its process tree");
            process.KillTree();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        ConsoleLog.Info($"stopped {Name} (pid {process.Id}, {ExitText(process)})");
        await _supervisor.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void KillNow()
    {
        _stopping.Cancel();
        lock (_gate)
        {
            if (_process is not null)
            {
                _process.KillTree();
            }
        }
    }

    private async Task SuperviseAsync()
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            var startedAt = Stopwatch.GetTimestamp();
            var exit = await RunOnceAsync();

            // A terminal's Ctrl+C reaches the children too, and may beat our own signal handler.
            if (exit is null || await StoppedWithin(TimeSpan.FromMilliseconds(500)))
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(startedAt) >= StableAfter)
            {
                backoff = TimeSpan.FromSeconds(1);
            }

            ConsoleLog.Info($"{Name} exited unexpectedly ({exit}); restarting in {backoff.TotalSeconds:0} s");
            if (await StoppedWithin(backoff))
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    /// <returns>How the run ended, or null when stopping prevented the launch.</returns>
    private async Task<string?> RunOnceAsync()
    {
        Process process;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return null;
            }

            _process?.Dispose();
            _process = null;
            try
            {
                process = _process = ProcessLauncher.Start(spec);
            }
            catch (Exception e) when (e is Win32Exception or InvalidOperationException)
            {
                return $"could not start {spec.FileName}: {e.Message}";
            }
        }

        await process.WaitForExitAsync();
        return ExitText(process);
    }

    private static string ExitText(Process process) => process.IsRunning() ? "still running" : $"exit code {process.ExitCode}";

    private async Task<bool> StoppedWithin(TimeSpan delay)
    {
        await Task.Delay(delay, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        return _stopping.IsCancellationRequested;
    }
}
