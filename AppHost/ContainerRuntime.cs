using System.ComponentModel;
using System.Diagnostics;

namespace Platform.AppHost;

internal static class ContainerRuntime
{
    /// <summary>
    /// True when `docker info` (or the runtime named by ASPIRE_CONTAINER_RUNTIME) answers within 5 s: a docker command
    /// can exist with no daemon behind it, and Aspire's containers would then wait forever.
    /// </summary>
    public static bool IsAvailable()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } named ? named : "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            // Not installed.
            return false;
        }
    }
}
