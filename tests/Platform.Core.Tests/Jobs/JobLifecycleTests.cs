using Platform.Core.Jobs;
using Platform.Testing;

namespace Platform.Core.Tests.Jobs;

public sealed class JobLifecycleTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task A_worker_that_lost_its_lease_can_change_nothing(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var job = await jobs.EnqueueAsync();
        await jobs.ClaimAsync("w1");

        Assert.False(await jobs.Run(s => s.CompleteAsync(job.Id, "w2", "{\"stolen\":true}", Token)));
        Assert.False(await jobs.Run(s => s.FailAsync(job.Id, "w2", "nope", null, Token)));
        Assert.False(await jobs.Run(s => s.ReleaseAsync(job.Id, "w2", Token)));
        Assert.False(await jobs.Run(s => s.UpdateProgressAsync(job.Id, "w2", 50, Token)));
        Assert.Equal(LeaseRenewal.Lost, await jobs.Run(s => s.RenewLeaseAsync(job.Id, "w2", TimeSpan.FromSeconds(30), Token)));
        var stored = await jobs.LoadAsync(job.Id);
        Assert.Equal((JobStatus.Running, "w1", 0, (string?)null), (stored.Status, stored.LeaseOwner, stored.Progress, stored.ResultJson));
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Progress_heartbeat_and_completion_by_the_lease_holder_apply(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var job = await jobs.EnqueueAsync();
        await jobs.ClaimAsync("w1", leaseSeconds: 30);
        jobs.Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.True(await jobs.Run(s => s.UpdateProgressAsync(job.Id, "w1", 140, Token)));
        Assert.Equal(100, (await jobs.LoadAsync(job.Id)).Progress);
        Assert.Equal(LeaseRenewal.Renewed, await jobs.Run(s => s.RenewLeaseAsync(job.Id, "w1", TimeSpan.FromSeconds(30), Token)));
        Assert.Equal(jobs.Now.AddSeconds(30), (await jobs.LoadAsync(job.Id)).LeaseExpiresAt);
        Assert.True(await jobs.Run(s => s.CompleteAsync(job.Id, "w1", "{\"outputId\":\"x\"}", Token)));

        var done = await jobs.LoadAsync(job.Id);
        Assert.Equivalent(new
        {
            Status = JobStatus.Succeeded,
            Attempts = 1,
            Progress = 100,
            ResultJson = "{\"outputId\":\"x\"}",
            LeaseOwner = (string?)null,
            LeaseExpiresAt = (DateTime?)null,
            CompletedAt = (DateTime?)jobs.Now,
        }, done);
        Assert.False(await jobs.Run(s => s.CompleteAsync(job.Id, "w1", "{}", Token)), "a finished job is not completed twice");
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Release_returns_the_job_to_the_queue_at_once_without_burning_an_attempt(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var job = await jobs.EnqueueAsync();
        await jobs.ClaimAsync("w1");

        Assert.True(await jobs.Run(s => s.ReleaseAsync(job.Id, "w1", Token)));
        var released = await jobs.LoadAsync(job.Id);
        Assert.Equivalent(new { Status = JobStatus.Queued, Attempts = 0, LeaseOwner = (string?)null, StartedAt = (DateTime?)null, job.RunAt }, released);
        var again = Assert.Single(await jobs.ClaimAsync("w2"));
        Assert.Equal((job.Id, 1), (again.Id, again.Attempts));
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Fail_with_a_retry_time_reschedules_and_without_one_fails_for_good(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var job = await jobs.EnqueueAsync();
        await jobs.ClaimAsync("w1");
        var retryAt = jobs.Now.AddSeconds(7);

        Assert.True(await jobs.Run(s => s.FailAsync(job.Id, "w1", "provider 503", retryAt, Token)));
        var scheduled = await jobs.LoadAsync(job.Id);
        Assert.Equivalent(new { Status = JobStatus.Queued, Attempts = 1, RunAt = retryAt, NextAttemptAt = (DateTime?)retryAt, Error = "provider 503", LeaseOwner = (string?)null }, scheduled);
        Assert.Empty(await jobs.ClaimAsync("w1"));

        jobs.Clock.Advance(TimeSpan.FromSeconds(7));
        var second = Assert.Single(await jobs.ClaimAsync("w2"));
        Assert.Equal((2, (DateTime?)null), (second.Attempts, second.NextAttemptAt));
        Assert.True(await jobs.Run(s => s.FailAsync(job.Id, "w2", "provider 400", null, Token)));
        var failed = await jobs.LoadAsync(job.Id);
        Assert.Equivalent(new { Status = JobStatus.Failed, Attempts = 2, Error = "provider 400", CompletedAt = (DateTime?)jobs.Now }, failed);
        Assert.Empty(await jobs.ClaimAsync("w3"));
    }

    public void Dispose() => _directory.Dispose();
}
