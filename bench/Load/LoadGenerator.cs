using System.Diagnostics;

namespace Platform.Bench.Load;

/// <summary>Latencies (ms, sorted) and the achieved rate of one load run.</summary>
public sealed record LoadResult(double[] LatenciesMs, int Errors, double Seconds)
{
    public double Rate => LatenciesMs.Length / Seconds;
    public double P50 => Stats.Percentile(LatenciesMs, 50);
    public double P99 => Stats.Percentile(LatenciesMs, 99);
}

/// <summary>
/// Open-loop load at a fixed rate (requests leave on schedule whether or not earlier ones were answered), and
/// closed-loop saturation with a fixed number of concurrent callers.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> FixedRateAsync(Func<Task<bool>> call, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var tasks = new Task[total];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var scheduled = TimeSpan.FromSeconds((double)i / rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                // From the moment the request leaves, not its slot in the schedule: Task.Delay's ~1 ms granularity
                // makes this generator late on its own, and that lateness is not the server's. The loop never waits
                // for answers (open loop), so a stalled server still shows in every request sent meanwhile.
                var sent = clock.Elapsed;
                var ok = await call();
                latencies[index] = (clock.Elapsed - sent).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            });
        }
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new LoadResult(latencies, errors, seconds);
    }

    public static async Task<LoadResult> SaturateAsync(Func<Task<bool>> call, int concurrency, TimeSpan duration)
    {
        var bags = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = bags[worker] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await call())
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = bags.SelectMany(b => b).ToArray();
        Array.Sort(all);
        return new LoadResult(all, errors, seconds);
    }
}
