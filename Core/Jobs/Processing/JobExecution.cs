using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;

namespace Platform.Core.Jobs.Processing;

/// <summary>One attempt of a claimed job as a handler sees it: the job, a DI scope of its own, and progress reporting.</summary>
public sealed class JobExecution(Job job, IServiceProvider services, Func<int, CancellationToken, Task> reportProgress)
{
    public Job Job { get; } = job;

    /// <summary>This attempt's scope: a DbContext resolved here is the attempt's alone.</summary>
    public IServiceProvider Services { get; } = services;

    /// <summary>1-based: the claim that started this attempt.</summary>
    public int Attempt => Job.Attempts;

    public Task ReportProgressAsync(int percent, CancellationToken cancellationToken) => reportProgress(percent, cancellationToken);

    /// <summary>
    /// A job queued by a user deleted meanwhile (their key may still be cached on some Api) must not run: a permanent
    /// failure, not a retry.
    /// </summary>
    public async Task EnsureOwnerExistsAsync(CancellationToken cancellationToken)
    {
        if (Job.OwnerUserId is { } owner
            && !await Services.GetRequiredService<PlatformDbContext>().Users.AnyAsync(u => u.Id == owner, cancellationToken))
        {
            throw new PermanentJobException("The job's owner was deleted.");
        }
    }
}
