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
        var started = DateTime.UtcNow;
        while (true)
        {
            var before = JitMilliseconds(pid);
            var result = await LoadGenerator.SaturateAsync(call, connections, Step);
            if (result.Errors > 0 || result.LatenciesMs.Length == 0)
            {
                throw new InvalidOperationException($"{result.Errors} of {result.LatenciesMs.Length} warm-up requests failed");
            }
            var share = (JitMilliseconds(pid) - before) / Step.TotalMilliseconds;
            var took = DateTime.UtcNow - started;
            if (share < QuietShare || took >= max)
            {
                return (took, share);
            }
        }
    }

    // The tiered-compilation worker (Linux keeps 15 characters of a thread's name); a worker that exited between two
    // readings takes its time with it, which can only end the warm-up a step early.
    private static double JitMilliseconds(int pid) =>
        ProcessStats.ThreadCpu(pid).Values.Where(t => t.Name.StartsWith(".NET Tiered Com", StringComparison.Ordinal)).Sum(t => t.CpuMilliseconds);
}
