using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Jobs.Processing;

/// <summary>
/// A worker's claim loop: claims as many due jobs as it has free slots (highest priority first), runs each on its own,
/// polls fast while jobs keep coming and backs off to the idle interval when none do, and wakes at once on a signal
/// (a NOTIFY from PostgreSQL, a slot freed). Each claim also writes the successes that finished since the previous one
/// (<see cref="JobQueueSession"/>). Stopping: no new claims, running jobs get the grace period, then their attempts are
/// cancelled and the jobs released for another worker.
/// </summary>
public sealed class JobProcessor(
    IServiceScopeFactory scopes, IEnumerable<IJobHandler> handlers, IOptions<JobOptions> options, TimeProvider time,
    JobSignal signal, DatabaseInfo database, ILogger<JobProcessor> logger)
{
    private readonly JobOptions _options = options.Value;
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    // Slots taken: jobs whose handler has not finished. A finished success frees its slot while its completion waits
    // for the next claim's round trip, which that freed slot triggers.
    private int _busy;

    /// <summary>Unique per running worker: the lease owner its guarded writes match on.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public int Running => _running.Count;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var hardStop = new CancellationTokenSource();
        var busy = TimeSpan.FromMilliseconds(_options.BusyPollMilliseconds);
        var idle = TimeSpan.FromMilliseconds(_options.IdlePollMilliseconds);
        var delay = busy;
        var nextSweep = DateTime.MinValue;
        var completions = new CompletionBatcher(scopes, WorkerId);
        await using var session = JobQueueSession.For(database, scopes, time, WorkerId, _options.Lease);
        logger.LogInformation("Job worker {WorkerId} claiming up to {Concurrency} job(s) of kind(s) {Kinds}",
            WorkerId, _options.Concurrency, string.Join(", ", _handlers.Keys));
        while (!stoppingToken.IsCancellationRequested)
        {
            var free = _options.Concurrency - Volatile.Read(ref _busy);
            var claimed = await ClaimAndStartAsync(session, free, completions, hardStop.Token, stoppingToken);
            if (time.GetUtcNow().UtcDateTime >= nextSweep)
            {
                await SweepAsync(stoppingToken);
                nextSweep = time.GetUtcNow().UtcDateTime.AddSeconds(_options.SweepSeconds);
            }
            // A full claim means more may be due: go again as soon as a slot is free. Nothing claimed: back off.
            delay = claimed > 0 && claimed == free ? TimeSpan.Zero : claimed > 0 ? busy : Next(delay, busy, idle);
            if (delay > TimeSpan.Zero || Volatile.Read(ref _busy) >= _options.Concurrency)
            {
                await WaitAsync(delay == TimeSpan.Zero ? idle : delay, stoppingToken);
            }
        }
        // From here the batcher writes the successes of the jobs still running.
        var writing = completions.RunAsync();
        await DrainAsync(hardStop);
        // Every running job has had its outcome written by now.
        completions.Stop();
        await writing;
    }

    private async Task<int> ClaimAndStartAsync(
        JobQueueSession session, int free, CompletionBatcher completions, CancellationToken hardStop, CancellationToken stoppingToken)
    {
        var done = completions.TakeAll();
        if (free <= 0 && done.Count == 0)
        {
            return 0;
        }
        IReadOnlyList<Job> jobs;
        try
        {
            var step = await session.CompleteAndClaimAsync(done.Select(p => (p.JobId, p.ResultJson)).ToList(), Math.Max(free, 0), stoppingToken);
            CompletionBatcher.Resolve(done, step.Completed);
            jobs = step.Claimed;
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Claiming jobs failed, trying again shortly: {Message}", e.Message);
            }
            // Nothing of the round trip was applied: the successes it carried are written on their own.
            await completions.WriteEachAsync(done);
            return 0;
        }
        foreach (var job in jobs)
        {
            // Registered before it starts: a job that finished before the store would stay in _running for good and
            // hold its slot (seen with no-op jobs, whose whole run can beat the assignment).
            Interlocked.Increment(ref _busy);
            var run = new Task<Task>(() => RunOneAsync(job, completions, hardStop));
            _running[job.Id] = run.Unwrap();
            run.Start(TaskScheduler.Default);
        }
        return jobs.Count;
    }

    private async Task RunOneAsync(Job job, CompletionBatcher completions, CancellationToken hardStop)
    {
        var slot = 0;
        void FreeSlot()
        {
            if (Interlocked.Exchange(ref slot, 1) == 0)
            {
                Interlocked.Decrement(ref _busy);
                signal.Set();
            }
        }
        try
        {
            if (!_handlers.TryGetValue(job.Kind, out var handler))
            {
                await FailUnknownKindAsync(job);
                return;
            }
            await new JobRunner(scopes, handler, _options, time, logger, WorkerId, completions, FreeSlot).RunAsync(job, hardStop);
        }
        catch (Exception e)
        {
            // The outcome could not be written (database gone): the lease expires and another claim runs it again.
            logger.LogError(e, "Job {job_id} could not be finished by worker {WorkerId}; it will be claimed again when its lease expires", job.Id, WorkerId);
        }
        finally
        {
            _running.TryRemove(job.Id, out _);
            FreeSlot();
        }
    }

    private async Task FailUnknownKindAsync(Job job)
    {
        await using var scope = scopes.CreateAsyncScope();
        var message = $"No handler for job kind '{job.Kind}' (known: {string.Join(", ", _handlers.Keys)}).";
        await scope.ServiceProvider.GetRequiredService<JobStore>().FailAsync(job.Id, WorkerId, message, retryAt: null);
        logger.LogError("Job {job_id} failed: {Error}", job.Id, message);
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var swept = await scope.ServiceProvider.GetRequiredService<JobStore>().SweepAbandonedAsync(stoppingToken);
            foreach (var job in swept)
            {
                var end = job.Status == JobStatus.Cancelled ? JobEnd.Cancelled : JobEnd.Failed;
                if (_handlers.TryGetValue(job.Kind, out var handler))
                {
                    await handler.OnEndedAsync(scope.ServiceProvider, job, end, job.Error, stoppingToken);
                }
                logger.LogWarning("Job {job_id} abandoned by a dead worker, now {Status}: {Error}", job.Id, job.Status, job.Error);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Sweeping abandoned jobs failed: {Message}", e.Message);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            if (await signal.WaitAsync(delay, stoppingToken) && Volatile.Read(ref _busy) > 0)
            {
                // Woken by a job that freed its slot, on that job's thread: let the other jobs ready to finish do so
                // first, so that this claim carries their completions too (more jobs per round trip and commit). An idle
                // worker woken by a NOTIFY goes straight on.
                await Task.Yield();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends it.
        }
    }

    private async Task DrainAsync(CancellationTokenSource hardStop)
    {
        var running = _running.Values.ToArray();
        if (running.Length == 0)
        {
            return;
        }
        logger.LogInformation("Stopping: waiting up to {Grace} s for {Count} running job(s)", _options.ShutdownGraceSeconds, running.Length);
        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(_options.ShutdownGraceSeconds), time)) != all)
        {
            logger.LogWarning("Grace period over: releasing {Count} unfinished job(s) for another worker", _running.Count);
            await hardStop.CancelAsync();
        }
        await all;
    }

    private static TimeSpan Next(TimeSpan current, TimeSpan busy, TimeSpan idle) =>
        TimeSpan.FromTicks(Math.Clamp(current.Ticks * 2, busy.Ticks, idle.Ticks));
}
