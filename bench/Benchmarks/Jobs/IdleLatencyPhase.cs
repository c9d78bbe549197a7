using System.Diagnostics;
using Platform.Core.Jobs;

namespace Platform.Bench.Benchmarks.Jobs;

/// <summary>
/// Phase B: with the workers running and the queue empty, single jobs enqueued one at a time (the Api's EnqueueAsync),
/// each after a pause, timed from just before the enqueue call and from its return to the handler's start.
/// </summary>
internal static class IdleLatencyPhase
{
    private const int WarmUp = 5;

    public static async Task RunAsync(JobBenchHost host, NoOpJobHandler handler, int samples, Func<TimeSpan> pause)
    {
        var fromCall = new List<double>(samples);
        var fromReturn = new List<double>(samples);
        var call = new List<double>(samples);
        for (var i = 0; i < WarmUp + samples; i++)
        {
            await Task.Delay(pause());
            var job = new Job { Kind = NoOpJobHandler.KindName };
            var started = handler.WatchStart(job.Id);
            var before = Stopwatch.GetTimestamp();
            await host.WithStoreAsync(store => store.EnqueueAsync(job));
            var after = Stopwatch.GetTimestamp();
            var start = await started.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= WarmUp)
            {
                fromCall.Add(Stopwatch.GetElapsedTime(before, start).TotalMilliseconds);
                // Negative when the worker started the job before the committing call returned.
                fromReturn.Add(Stopwatch.GetElapsedTime(after, start).TotalMilliseconds);
                call.Add(Stopwatch.GetElapsedTime(before, after).TotalMilliseconds);
            }
        }
        Print("enqueue call start -> handler start", fromCall);
        Print("enqueue call return -> handler start", fromReturn);
        Print("enqueue call itself", call);
    }

    private static void Print(string what, List<double> sample)
    {
        sample.Sort();
        Console.WriteLine($"    {what,-38} p50 {Stats.Percentile(sample, 50),8:0.00} ms  p99 {Stats.Percentile(sample, 99),8:0.00} ms  max {sample[^1],8:0.00} ms");
    }
}
