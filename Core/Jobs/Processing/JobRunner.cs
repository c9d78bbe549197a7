using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Jobs.Processing;

/// <summary>
/// Runs one claimed job to its end: a heartbeat that keeps the lease (and notices cancel requests and a lost lease),
/// the handler in a DI scope of its own, then exactly one guarded write of the outcome (a success is batched with the
/// worker's others). Writes after the attempt use no caller token: a stopping worker must still record what happened.
/// </summary>
internal sealed class JobRunner(
    IServiceScopeFactory scopes, IJobHandler handler, JobOptions options, TimeProvider time, ILogger logger, string workerId,
    CompletionBatcher completions, Action handlerFinished)
{
    private static readonly ActivitySource Source = new("Platform.Jobs");

    public async Task RunAsync(Job job, CancellationToken hardStop)
    {
        using var activity = Source.StartActivity($"job {job.Kind}");
        activity?.SetTag("job.id", job.Id);
        activity?.SetTag("job.attempt", job.Attempts);
        var started = time.GetTimestamp();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
        var heartbeat = new Heartbeat(scopes, job.Id, workerId, options, time, attempt);
        var beating = heartbeat.RunAsync();
        JobEnd? end = null;
        string? error = null;
        try
        {
            var result = await RunHandlerAsync(job, attempt.Token);
            heartbeat.Stop();
            await beating;
            // The slot is free for the next claim, which also writes this success.
            var completing = completions.CompleteAsync(job.Id, result);
            handlerFinished();
            if (await completing)
            {
                Log(LogLevel.Information, job, "succeeded", started, null);
            }
            return;
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested)
        {
            end = heartbeat.Outcome switch
            {
                LeaseRenewal.CancelRequested => JobEnd.Cancelled,
                LeaseRenewal.Lost => null,
                _ => JobEnd.Released,
            };
        }
        catch (PermanentJobException e)
        {
            (end, error) = (JobEnd.Failed, e.Message);
        }
        catch (Exception e)
        {
            (end, error) = (JobEnd.Retrying, Describe(e));
        }

        heartbeat.Stop();
        await beating;
        await FinishAsync(job, end, error, started);
    }

    private async Task<string?> RunHandlerAsync(Job job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var execution = new JobExecution(job, scope.ServiceProvider, (percent, ct) =>
            scope.ServiceProvider.GetRequiredService<JobStore>().UpdateProgressAsync(job.Id, workerId, percent, ct));
        Log(LogLevel.Information, job, "started", null, null);
        return await handler.RunAsync(execution, cancellationToken);
    }

    private async Task FinishAsync(Job job, JobEnd? end, string? error, long started)
    {
        if (end is null)
        {
            Log(LogLevel.Warning, job, "lost its lease to another worker; this worker's result is dropped", started, null);
            return;
        }
        DateTime? retryAt = null;
        if (end == JobEnd.Retrying)
        {
            retryAt = Backoff.RetryAt(job, time.GetUtcNow().UtcDateTime, Random.Shared,
                TimeSpan.FromSeconds(options.RetryBaseSeconds), TimeSpan.FromSeconds(options.RetryCapSeconds));
            end = retryAt is null ? JobEnd.Failed : JobEnd.Retrying;
        }
        // The handler's state (the output) first, then the job: whoever sees the job's final status must find the
        // output final too. Should the job write then find the lease lost, the next claim sets the output going again.
        job.NextAttemptAt = retryAt;
        await using (var scope = scopes.CreateAsyncScope())
        {
            await handler.OnEndedAsync(scope.ServiceProvider, job, end.Value, error, CancellationToken.None);
        }
        var applied = await StoreAsync(store => end switch
        {
            JobEnd.Cancelled => store.AcknowledgeCancelAsync(job.Id, workerId),
            JobEnd.Released => store.ReleaseAsync(job.Id, workerId),
            _ => store.FailAsync(job.Id, workerId, error ?? "failed", retryAt),
        });
        if (!applied)
        {
            return;
        }
        var what = end switch
        {
            JobEnd.Retrying => $"failed, retry at {retryAt:O}",
            JobEnd.Failed => "failed for good",
            JobEnd.Cancelled => "cancelled",
            _ => "released for another worker",
        };
        Log(end is JobEnd.Retrying or JobEnd.Failed ? LogLevel.Warning : LogLevel.Information, job, what, started, error);
    }

    private async Task<bool> StoreAsync(Func<JobStore, Task<bool>> write)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<JobStore>());
    }

    private void Log(LogLevel level, Job job, string what, long? started, string? error)
    {
        if (!logger.IsEnabled(level))
        {
            return;
        }
        logger.Log(level,
            "Job {job_id} {job_event} (output_id {output_id}, template {template}, model {model}, user_id {user_id}, attempt {attempt}, duration_ms {duration_ms}){error}",
            job.Id, what, job.OutputId, JobPayloadFields.Template(job), JobPayloadFields.Model(job), job.OwnerUserId, job.Attempts,
            started is { } s ? Math.Round(time.GetElapsedTime(s).TotalMilliseconds, 1) : null,
            error is null ? "" : ": " + error);
    }

    // Our own failures carry messages written for users; anything else keeps its type so the cause is findable.
    private static string Describe(Exception e) =>
        e is JobAttemptException or Gateway.Providers.ProviderException or Gateway.GatewayException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
