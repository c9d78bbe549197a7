using System.Runtime.InteropServices;

namespace Platform.AppHost;

/// <summary>
/// Process.Kill only sends SIGKILL; a graceful stop needs SIGTERM (or SIGINT for PostgreSQL's fast
/// shutdown), which the BCL has no API for, hence libc.
/// </summary>
internal static class Posix
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static bool IsRoot => !OperatingSystem.IsWindows() && geteuid() == 0;

    /// <returns>false when signals are not available (Windows) or the process is gone.</returns>
    public static bool TrySignal(int pid, int signal) => !OperatingSystem.IsWindows() && kill(pid, signal) == 0;

    /// <summary>
    /// A shell starts background jobs with SIGINT ignored, and .NET then never reports SIGINT; the
    /// AppHost promises that SIGINT stops it, so it takes the default back before registering.
    /// </summary>
    public static void UnignoreSigInt()
    {
        if (!OperatingSystem.IsWindows())
        {
            signal(SigInt, 0); // SIG_DFL
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern nint signal(int sig, nint handler);

    [DllImport("libc")]
    private static extern uint geteuid();
}
