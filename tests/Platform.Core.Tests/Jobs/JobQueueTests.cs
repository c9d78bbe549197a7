using Microsoft.EntityFrameworkCore;
using Platform.Core.Interactions;
using Platform.Core.Jobs;
using Platform.Core.Tests.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Jobs;

public sealed class JobQueueTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Enqueue_stores_the_job_and_its_pending_output_and_fills_in_the_times(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var output = new Interaction { Type = InteractionTypes.Job, Status = InteractionStatus.Pending };

        var job = await jobs.Run(s => s.EnqueueAsync(JobHarness.NewJob(JobPriority.High), output, Token));

        Assert.Equal(output.Id, job.OutputId);
        Assert.Equivalent(new { job.Id, Status = JobStatus.Queued, Priority = JobPriority.High, PriorityRank = 0, Attempts = 0, MaxAttempts = 5, RunAt = jobs.Now, CreatedAt = jobs.Now, UpdatedAt = jobs.Now }, await jobs.LoadAsync(job.Id));
        await using var db = TestDatabases.Context(jobs.Database);
        Assert.Equal(InteractionStatus.Pending, (await db.Interactions.SingleAsync(i => i.Id == output.Id, Token)).Status);
        var stored = await db.Database.SqlQueryRaw<string>("SELECT priority AS \"Value\" FROM jobs").SingleAsync(Token);
        Assert.Equal("high", stored);
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task The_same_idempotency_key_from_the_same_owner_returns_the_first_job(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var (ann, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        Job Keyed(Guid owner)
        {
            var job = JobHarness.NewJob();
            (job.OwnerUserId, job.IdempotencyKey) = (owner, "report-42");
            return job;
        }

        var first = await jobs.Run(s => s.EnqueueAsync(Keyed(ann), cancellationToken: Token));
        var again = await jobs.Run(s => s.EnqueueAsync(Keyed(ann), new Interaction { Type = "job", Status = "pending" }, Token));
        var bobs = await jobs.Run(s => s.EnqueueAsync(Keyed(bob), cancellationToken: Token));

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, bobs.Id);
        await using var db = TestDatabases.Context(jobs.Database);
        Assert.Equal(2, await db.Jobs.CountAsync(Token));
        Assert.Equal(0, await db.Interactions.CountAsync(Token));
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Cancel_stops_a_queued_job_at_once_asks_a_running_one_and_refuses_a_finished_one(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var queued = await jobs.EnqueueAsync(JobPriority.Low);
        var running = await jobs.EnqueueAsync(JobPriority.High);
        await jobs.ClaimAsync("w1", max: 1);

        Assert.True(await jobs.Run(s => s.CancelAsync(queued.Id, Token)));
        Assert.Equivalent(new { Status = JobStatus.Cancelled, CompletedAt = (DateTime?)jobs.Now }, await jobs.LoadAsync(queued.Id));
        Assert.Empty(await jobs.ClaimAsync("w2"));

        Assert.True(await jobs.Run(s => s.CancelAsync(running.Id, Token)));
        Assert.Equivalent(new { Status = JobStatus.Running, CancelRequested = true }, await jobs.LoadAsync(running.Id));
        Assert.Equal(LeaseRenewal.CancelRequested, await jobs.Run(s => s.RenewLeaseAsync(running.Id, "w1", TimeSpan.FromSeconds(30), Token)));
        Assert.True(await jobs.Run(s => s.AcknowledgeCancelAsync(running.Id, "w1", Token)));
        Assert.Equal(JobStatus.Cancelled, (await jobs.LoadAsync(running.Id)).Status);

        Assert.False(await jobs.Run(s => s.CancelAsync(running.Id, Token)));
        Assert.False(await jobs.Run(s => s.CancelAsync(Guid.CreateVersion7(), Token)));
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Retry_queues_a_failed_or_cancelled_job_again_from_scratch_and_nothing_else(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var failed = await jobs.EnqueueAsync(JobPriority.High);
        var cancelled = await jobs.EnqueueAsync(JobPriority.Low);
        await jobs.ClaimAsync("w1", max: 1);
        await jobs.Run(s => s.FailAsync(failed.Id, "w1", "gave up", null, Token));
        await jobs.Run(s => s.CancelAsync(cancelled.Id, Token));
        jobs.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.True(await jobs.Run(s => s.RetryAsync(failed.Id, Token)));
        Assert.True(await jobs.Run(s => s.RetryAsync(cancelled.Id, Token)));
        Assert.Equivalent(new
        {
            Status = JobStatus.Queued,
            Attempts = 0,
            Progress = 0,
            RunAt = jobs.Now,
            Error = (string?)null,
            StartedAt = (DateTime?)null,
            CompletedAt = (DateTime?)null,
        }, await jobs.LoadAsync(failed.Id));
        Assert.False(await jobs.Run(s => s.RetryAsync(cancelled.Id, Token)), "a queued job is not retried");
        Assert.Equal([failed.Id, cancelled.Id], (await jobs.ClaimAsync("w2")).Select(j => j.Id));
    }

    public void Dispose() => _directory.Dispose();
}
