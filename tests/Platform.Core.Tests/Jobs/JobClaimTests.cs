using Platform.Core.Jobs;
using Platform.Testing;

namespace Platform.Core.Tests.Jobs;

public sealed class JobClaimTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Claims_high_then_default_then_low_priority_and_earlier_due_time_first(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var t = JobHarness.Start;
        var lowOld = await jobs.EnqueueAsync(JobPriority.Low, t.AddMinutes(-30));
        var defaultLate = await jobs.EnqueueAsync(JobPriority.Default, t.AddMinutes(-1));
        var highLate = await jobs.EnqueueAsync(JobPriority.High, t.AddSeconds(-1));
        var defaultEarly = await jobs.EnqueueAsync(JobPriority.Default, t.AddMinutes(-10));
        var highEarly = await jobs.EnqueueAsync(JobPriority.High, t.AddMinutes(-2));

        var firstTwo = await jobs.ClaimAsync("w1", max: 2);
        Assert.Equal([highEarly.Id, highLate.Id], firstTwo.Select(j => j.Id));
        var rest = await jobs.ClaimAsync("w2", max: 10);
        Assert.Equal([defaultEarly.Id, defaultLate.Id, lowOld.Id], rest.Select(j => j.Id));
        Assert.Empty(await jobs.ClaimAsync("w3"));
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task A_claim_starts_an_attempt_under_the_workers_lease(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var job = await jobs.EnqueueAsync();

        var claimed = Assert.Single(await jobs.ClaimAsync("w1", leaseSeconds: 30));
        Assert.Equivalent(new
        {
            job.Id,
            Status = JobStatus.Running,
            Attempts = 1,
            LeaseOwner = "w1",
            LeaseExpiresAt = (DateTime?)jobs.Now.AddSeconds(30),
            StartedAt = (DateTime?)jobs.Now,
            UpdatedAt = jobs.Now,
            job.PayloadJson,
            job.Priority,
        }, claimed);
        Assert.Equivalent(claimed, await jobs.LoadAsync(job.Id), strict: true);
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Jobs_not_yet_due_are_not_claimed_until_their_time(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var later = await jobs.EnqueueAsync(JobPriority.High, JobHarness.Start.AddMinutes(5));

        Assert.Empty(await jobs.ClaimAsync("w1"));
        jobs.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(later.Id, Assert.Single(await jobs.ClaimAsync("w1")).Id);
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task A_live_lease_keeps_the_job_from_other_workers_and_an_expired_one_is_claimed_again_as_a_new_attempt(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var job = await jobs.EnqueueAsync();
        var first = Assert.Single(await jobs.ClaimAsync("dead-worker", leaseSeconds: 30));

        jobs.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await jobs.ClaimAsync("w2"));
        jobs.Clock.Advance(TimeSpan.FromSeconds(2));
        var again = Assert.Single(await jobs.ClaimAsync("w2", leaseSeconds: 30));

        Assert.Equal(job.Id, again.Id);
        Assert.Equal(2, again.Attempts);
        Assert.Equal("w2", again.LeaseOwner);
        Assert.Equal(first.StartedAt, again.StartedAt);
        Assert.Equal(jobs.Now.AddSeconds(30), again.LeaseExpiresAt);
        // The dead worker, back from the grave, can no longer touch the job.
        Assert.False(await jobs.Run(s => s.CompleteAsync(job.Id, "dead-worker", "{}", TestContext.Current.CancellationToken)));
        Assert.True(await jobs.Run(s => s.CompleteAsync(job.Id, "w2", "{}", TestContext.Current.CancellationToken)));
    }

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task An_expired_lease_on_the_last_attempt_is_swept_as_failed_and_one_with_a_cancel_request_as_cancelled(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var last = JobHarness.NewJob();
        last.MaxAttempts = 1;
        await jobs.Run(s => s.EnqueueAsync(last, cancellationToken: TestContext.Current.CancellationToken));
        var cancelled = await jobs.EnqueueAsync();
        var healthy = await jobs.EnqueueAsync();
        Assert.Equal(3, (await jobs.ClaimAsync("dead-worker", leaseSeconds: 30)).Count);
        Assert.True(await jobs.Run(s => s.CancelAsync(cancelled.Id, TestContext.Current.CancellationToken)));
        jobs.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(healthy.Id, Assert.Single(await jobs.ClaimAsync("w2")).Id);
        var swept = await jobs.Run(s => s.SweepAbandonedAsync(TestContext.Current.CancellationToken));

        Assert.Equivalent(new[] { last.Id, cancelled.Id }, swept.Select(j => j.Id));
        var failed = await jobs.LoadAsync(last.Id);
        Assert.Equal((JobStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.Contains("last attempt", failed.Error);
        Assert.Equal(JobStatus.Cancelled, (await jobs.LoadAsync(cancelled.Id)).Status);
        Assert.Empty(await jobs.Run(s => s.SweepAbandonedAsync(TestContext.Current.CancellationToken)));
    }

    public void Dispose() => _directory.Dispose();
}
