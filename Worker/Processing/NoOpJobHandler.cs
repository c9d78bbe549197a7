using System.Diagnostics;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Processing;

namespace Platform.Worker.Processing;

/// <summary>
/// Jobs of kind <c>noop</c> that do nothing, registered only when <c>Worker:NoOpJobs</c> is true: the benchmarks
/// (`bench jobs-vs-peers`) measure the job system itself through the real Worker process with them. A job whose payload
/// holds <c>"watch"</c> prints when its handler started (Stopwatch ticks, CLOCK_MONOTONIC on Linux, so the same clock as
/// the bench process) for the enqueue-to-start latency.
/// </summary>
internal sealed class NoOpJobHandler : IJobHandler
{
    public const string KindName = "noop";
    public const string StartedLine = "noop-started";

    public string Kind => KindName;

    public Task<string?> RunAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        if (execution.Job.PayloadJson.Contains("\"watch\"", StringComparison.Ordinal))
        {
            Console.Out.WriteLine($"{StartedLine} {execution.Job.Id} {now}");
        }
        return Task.FromResult<string?>(null);
    }

    public Task OnEndedAsync(IServiceProvider services, Job job, JobEnd end, string? error, CancellationToken cancellationToken) => Task.CompletedTask;
}
