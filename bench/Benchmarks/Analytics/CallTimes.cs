using System.Diagnostics;

namespace Platform.Bench.Benchmarks.Analytics;

/// <summary>
/// Wall clock and process CPU of repeated calls. On a shared, loaded machine the wall clock mostly measures the wait for
/// a core; the CPU time the process spent (all threads, the GC's included, at 10 ms granularity) is what a call costs.
/// </summary>
internal sealed class CallTimes
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];

    public async Task<T> MeasureAsync<T>(Func<Task<T>> call)
    {
        var cpuBefore = ProcessCpu();
        var clock = Stopwatch.StartNew();
        var result = await call();
        _wall.Add(clock.Elapsed.TotalMilliseconds);
        _cpu.Add(ProcessCpu() - cpuBefore);
        return result;
    }

    public void Print(string name)
    {
        _wall.Sort();
        _cpu.Sort();
        Console.WriteLine($"  {name}: median {Stats.Percentile(_wall, 50):0.000} ms, p95 {Stats.Percentile(_wall, 95):0.000} ms, " +
                          $"min {_wall[0]:0.000} ms, max {_wall[^1]:0.000} ms ({_wall.Count} runs); " +
                          $"CPU of the process per call: median {Stats.Percentile(_cpu, 50):0.0} ms, p95 {Stats.Percentile(_cpu, 95):0.0} ms");
    }

    private static double ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }
}
