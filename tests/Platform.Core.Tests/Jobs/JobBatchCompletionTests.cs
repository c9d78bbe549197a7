using Platform.Core.Jobs;
using Platform.Testing;

namespace Platform.Core.Tests.Jobs;

public sealed class JobBatchCompletionTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, InlineData("sqlite"), InlineData("postgres")]
    public async Task Completing_many_applies_each_result_and_only_to_jobs_this_worker_holds(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var mine = new List<Job>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add(await jobs.EnqueueAsync());
        }
        var theirs = await jobs.EnqueueAsync();
        Assert.Equal(3, (await jobs.ClaimAsync("w1", max: 3)).Count);
        Assert.Equal(theirs.Id, Assert.Single(await jobs.ClaimAsync("w2")).Id);
        jobs.Clock.Advance(TimeSpan.FromSeconds(5));

        var applied = await jobs.Run(s => s.CompleteManyAsync("w1",
            [(mine[0].Id, "{\"n\":0}"), (mine[1].Id, null), (mine[2].Id, "{\"n\":2}"), (theirs.Id, "{\"stolen\":true}")], Token));

        Assert.Equal(mine.Select(j => j.Id).ToHashSet(), applied.ToHashSet());
        var results = new List<string?>();
        foreach (var job in mine)
        {
            var stored = await jobs.LoadAsync(job.Id);
            Assert.Equal((JobStatus.Succeeded, 100, (string?)null, (DateTime?)null, (DateTime?)jobs.Now),
                (stored.Status, stored.Progress, stored.LeaseOwner, stored.LeaseExpiresAt, stored.CompletedAt));
            results.Add(stored.ResultJson);
        }
        Assert.Equal(["{\"n\":0}", null, "{\"n\":2}"], results);
        var other = await jobs.LoadAsync(theirs.Id);
        Assert.Equal((JobStatus.Running, "w2", (string?)null), (other.Status, other.LeaseOwner, other.ResultJson));
        Assert.Empty(await jobs.Run(s => s.CompleteManyAsync("w1", [(mine[0].Id, "{}")], Token)));
    }

    public void Dispose() => _directory.Dispose();
}
