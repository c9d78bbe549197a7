using System.ComponentModel;
using System.Diagnostics;

namespace Platform.AppHost;

internal static class ProcessLauncher
{
    /// <summary>Starts the child with its output echoed line by line, prefixed with its name.</summary>
    public static Process Start(ChildSpec spec)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info };
        void Echo(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                ConsoleLog.Child(spec.Name, e.Data);
            }
        }

        process.OutputDataReceived += Echo;
        process.ErrorDataReceived += Echo;
        process.Start();
        ConsoleLog.Info($"started {spec.Name} (pid {process.Id})");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static bool IsRunning(this Process process)
    {
        try
        {
            return !process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static void KillTree(this Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }
}
