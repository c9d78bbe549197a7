using System.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// A long-running server behind a small shell watchdog. The watchdog stops the server when its
/// stdin closes: on Stop, and also when the test process dies abruptly (the kernel closes our end
/// of the pipe), so no server outlives a crashed or killed test run.
/// </summary>
internal sealed class ServerProcess
{
    // $1 log file, $2 signal that shuts the server down cleanly, then the server's command line.
    private const string Watchdog = """
        log=$1; signal=$2; shift 2
        exec 3<&0 </dev/null >>"$log" 2>&1
        "$@" 3<&- &
        server=$!
        (read -r _ <&3; kill -s "$signal" "$server" 2>/dev/null) &
        watcher=$!
        exec 3<&-
        wait "$server"
        code=$?
        kill "$watcher" 2>/dev/null
        exit "$code"
        """;

    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts file with args; its stdout and stderr are appended to logPath.</summary>
    public static ServerProcess Start(string file, IEnumerable<string> args, string logPath, string stopSignal, string workingDirectory, string? runAs)
    {
        var start = Commands.Create("/bin/sh", ["-c", Watchdog, "watchdog", logPath, stopSignal, file, .. args], workingDirectory, runAs);
        start.RedirectStandardInput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        return new ServerProcess(process);
    }

    /// <summary>Asks the server to shut down and waits; kills the whole tree if it does not.</summary>
    public void Stop(TimeSpan timeout)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The watchdog is already gone; the wait below confirms it.
        }

        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }

        _process.Dispose();
    }
}
