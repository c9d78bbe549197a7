using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Processing;

namespace Platform.Bench.Benchmarks.Jobs;

/// <summary>Does nothing but count runs and, for watched jobs, record when the handler started (Stopwatch ticks).</summary>
internal sealed class NoOpJobHandler : IJobHandler
{
    public const string KindName = "noop";
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _watched = new();
    private int _runs;
    private int _otherEnds;

    public string Kind => KindName;
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Attempts that ended otherwise than in success: a no-op run should have none.</summary>
    public int OtherEnds => Volatile.Read(ref _otherEnds);

    public Task<long> WatchStart(Guid jobId)
    {
        var started = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _watched[jobId] = started;
        return started.Task;
    }

    public Task<string?> RunAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _runs);
        if (_watched.TryRemove(execution.Job.Id, out var started))
        {
            started.TrySetResult(now);
        }
        return Task.FromResult<string?>(null);
    }

    public Task OnEndedAsync(IServiceProvider services, Job job, JobEnd end, string? error, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _otherEnds);
        return Task.CompletedTask;
    }
}
