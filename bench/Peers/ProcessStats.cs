using System.Globalization;

namespace Platform.Bench.Peers;

/// <summary>Resident memory and CPU time of any process by pid, read from /proc (Linux); NaN elsewhere.</summary>
public static class ProcessStats
{
    /// <summary>The process's resident set now (VmRSS), in MiB.</summary>
    public static double ResidentMiB(int pid) => StatusKiB(pid, "VmRSS:") / 1024.0;

    /// <summary>The process's peak resident set so far (VmHWM), in MiB.</summary>
    public static double PeakResidentMiB(int pid) => StatusKiB(pid, "VmHWM:") / 1024.0;

    /// <summary>
    /// CPU time used so far (utime + stime, clock ticks of 10 ms). On a shared machine the CPU a unit of work costs is
    /// steadier than its wall time.
    /// </summary>
    public static double CpuMilliseconds(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return double.NaN;
        }
        return StatCpu(File.ReadAllText(stat)).CpuMilliseconds;
    }

    /// <summary>
    /// CPU time so far (ms) of each live thread, by thread id, with its name (".NET Tiered Compilation Worker" is cut to
    /// 15 characters by Linux: ".NET Tiered Com"). A thread that has exited is not listed: its time stays in the
    /// process's total only. Empty when /proc is not there.
    /// </summary>
    public static Dictionary<int, (string Name, double CpuMilliseconds)> ThreadCpu(int pid)
    {
        var threads = new Dictionary<int, (string, double)>();
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return threads;
        }
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = StatCpu(File.ReadAllText(Path.Combine(task, "stat")));
            }
            catch (IOException)
            {
                // The thread exited while the list was read.
            }
        }
        return threads;
    }

    /// <summary>CPU time (ms) of the calling thread so far: work measured on one thread, without the JIT's or the GC's threads.</summary>
    public static double CurrentThreadCpuMilliseconds()
    {
        const string stat = "/proc/thread-self/stat";
        if (!File.Exists(stat))
        {
            return double.NaN;
        }
        return StatCpu(File.ReadAllText(stat)).CpuMilliseconds;
    }

    /// <summary>
    /// CPU seconds that the threads named with <paramref name="namePrefix"/> used between two <see cref="ThreadCpu"/>
    /// readings; a thread that exited in between is left out (its time stays in the process's total only).
    /// </summary>
    public static double ThreadCpuSecondsBetween(
        Dictionary<int, (string Name, double CpuMilliseconds)> before, Dictionary<int, (string Name, double CpuMilliseconds)> after, string namePrefix) =>
        after.Where(t => t.Value.Name.StartsWith(namePrefix, StringComparison.Ordinal))
            .Sum(t => t.Value.CpuMilliseconds - (before.TryGetValue(t.Key, out var b) && b.Name == t.Value.Name ? b.CpuMilliseconds : 0)) / 1000;

    /// <summary>The runtime's tiered-compilation thread, as Linux names it (15 characters).</summary>
    public const string JitThread = ".NET Tiered Com";

    /// <summary>
    /// A /proc stat line's command name and utime + stime in ms (clock ticks of 10 ms). The name is in parentheses and
    /// may hold spaces and parentheses, so the fields are counted from the last ')': utime and stime are the 12th and 13th.
    /// </summary>
    private static (string Name, double CpuMilliseconds) StatCpu(string stat)
    {
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (stat[(stat.IndexOf('(') + 1)..close],
            (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0);
    }

    private static double StatusKiB(int pid, string field)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return double.NaN;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
