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
/// Open-loop load at a fixed rate (latency measured from each request's scheduled start, so a stalled server
/// cannot hide its queueing), and closed-loop saturation with a fixed number of concurrent callers.
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
                var ok = await call();
                latencies[index] = (clock.Elapsed - scheduled).TotalMilliseconds;
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
