namespace Platform.Core.Jobs.Processing;

/// <summary>Runs the jobs of one <see cref="Job.Kind"/>. Registered as a singleton; resolve scoped services from the execution.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>
    /// One attempt. Returns the job's result (JSON) or throws: <see cref="PermanentJobException"/> fails the job for
    /// good, any other exception schedules a retry while attempts remain. Must honour the token: it fires on a cancel
    /// request, a lost lease or the end of the shutdown grace period.
    /// </summary>
    Task<string?> RunAsync(JobExecution execution, CancellationToken cancellationToken);

    /// <summary>The attempt or the job ended otherwise than in success; keeps whatever the handler owns (its output) in step.</summary>
    Task OnEndedAsync(IServiceProvider services, Job job, JobEnd end, string? error, CancellationToken cancellationToken);
}

public enum JobEnd
{
    /// <summary>The attempt failed and a retry is scheduled.</summary>
    Retrying,

    /// <summary>Failed for good: last attempt, a permanent error, or abandoned by a dead worker on its last attempt.</summary>
    Failed,

    Cancelled,

    /// <summary>The worker stopped before the attempt finished: the job is queued again for another worker.</summary>
    Released,
}
