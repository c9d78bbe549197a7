using System.Diagnostics;

namespace Platform.Testing;

/// <summary>Builds and runs the short commands (initdb, chown) that set a server up.</summary>
internal static class Commands
{
    /// <summary>A start info for file and args, through runuser when another user has to run it.</summary>
    public static ProcessStartInfo Create(string file, IEnumerable<string> args, string workingDirectory, string? runAs = null)
    {
        var start = new ProcessStartInfo { UseShellExecute = false, WorkingDirectory = workingDirectory };
        if (runAs is null)
        {
            start.FileName = file;
        }
        else
        {
            start.FileName = Binaries.OnPath("runuser") ?? "runuser";
            foreach (var arg in (string[])["-u", runAs, "--", file])
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs to completion; throws with the command's output when it fails or hangs.</summary>
    public static async Task<string> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Describe(start)}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(start)} did not finish within {timeout.TotalSeconds:0} s");
        }

        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{Describe(start)} exited with code {process.ExitCode}:\n{output}");
    }

    public static string Describe(ProcessStartInfo start) =>
        string.Join(' ', start.ArgumentList.Prepend(start.FileName).Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));

    /// <summary>The end of a log file, for error messages; the server may still be writing to it.</summary>
    public static string Tail(string path, int lines = 25)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines)).TrimEnd();
        }
        catch (IOException e)
        {
            return $"(no log at {path}: {e.Message})";
        }
    }
}
