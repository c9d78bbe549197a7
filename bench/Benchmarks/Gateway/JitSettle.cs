using System.Diagnostics;
using Platform.Bench.Load;
using Platform.Bench.Peers;

namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>
/// Warms a .NET process up until its background JIT has settled: load in steps of <see cref="Step"/>, until one step
/// in which the tiered-compilation thread used less than <see cref="QuietShare"/> of the step's time. The figures of
/// a long-running gateway are those of its tier-1 code; on a busy 2-core machine the JIT was measured still at work a
/// minute in, and its CPU (and the latency it adds) would otherwise be counted as the gateway's.
/// </summary>
internal static class JitSettle
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    public const double QuietShare = 0.01;

    /// <returns>How long the warm-up took and the JIT's CPU share in its last step.</returns>
    public static async Task<(TimeSpan Took, double LastJitShare)> WarmAsync(Func<Task<bool>> call, int connections, int pid, TimeSpan max)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // A JIT thread that exited within the step takes its time with it, which can only end the warm-up a step early.
            var before = ProcessStats.ThreadCpu(pid);
            var result = await LoadGenerator.SaturateAsync(call, connections, Step);
            if (result.Errors > 0 || result.LatenciesMs.Length == 0)
            {
                throw new InvalidOperationException($"{result.Errors} of {result.LatenciesMs.Length} warm-up requests failed");
            }
            var share = ProcessStats.ThreadCpuSecondsBetween(before, ProcessStats.ThreadCpu(pid), ProcessStats.JitThread) / Step.TotalSeconds;
            if (share < QuietShare || clock.Elapsed >= max)
            {
                return (clock.Elapsed, share);
            }
        }
    }
}
