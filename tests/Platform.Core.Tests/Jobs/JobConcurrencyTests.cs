using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Jobs;
using Platform.Core.Tests.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Jobs;

public sealed class JobConcurrencyTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory, InlineData("postgres", 8), InlineData("sqlite", 4)]
    public async Task Concurrent_claimers_claim_every_job_exactly_once(string provider, int claimers)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var queued = Enumerable.Range(0, 1000).Select(i => JobHarness.NewJob((JobPriority)(i % 3), JobHarness.Start.AddMilliseconds(-i))).ToList();
        Assert.Equal(1000, await jobs.Run(s => s.EnqueueManyAsync(queued, TestContext.Current.CancellationToken)));

        var claims = new ConcurrentBag<(Guid Id, string Worker)>();
        await Task.WhenAll(Enumerable.Range(0, claimers).Select(w => Task.Run(async () =>
        {
            // Each claimer has its own DbContext and connection, as separate worker processes would.
            var worker = $"worker-{w}";
            while (await jobs.ClaimAsync(worker, max: 25) is { Count: > 0 } batch)
            {
                foreach (var job in batch)
                {
                    claims.Add((job.Id, worker));
                }
            }
        }, TestContext.Current.CancellationToken)));

        Assert.Equal(1000, claims.Count);
        Assert.Equal(queued.Select(j => j.Id).Order(), claims.Select(c => c.Id).Order());
        await using var db = TestDatabases.Context(jobs.Database);
        var stored = await db.Jobs.AsNoTracking().ToDictionaryAsync(j => j.Id, TestContext.Current.CancellationToken);
        Assert.All(claims, c => Assert.Equal((JobStatus.Running, 1, c.Worker), (stored[c.Id].Status, stored[c.Id].Attempts, stored[c.Id].LeaseOwner)));
    }

    [Theory, InlineData("postgres"), InlineData("sqlite")]
    public async Task Concurrent_enqueues_with_one_idempotency_key_create_one_job_and_all_get_it(string provider)
    {
        var jobs = await JobHarness.CreateAsync(provider, postgres, _directory);
        var owner = Guid.CreateVersion7();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var enqueues = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var job = JobHarness.NewJob();
            (job.OwnerUserId, job.IdempotencyKey) = (owner, "same-key");
            var output = new Core.Interactions.Interaction { Type = "job", Status = "pending", OwnerUserId = owner };
            await start.Task;
            return await jobs.Run(s => s.EnqueueAsync(job, output, TestContext.Current.CancellationToken));
        }, TestContext.Current.CancellationToken)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(enqueues);

        var winner = Assert.Single(results.Select(j => j.Id).Distinct());
        await using var db = TestDatabases.Context(jobs.Database);
        Assert.Equal(winner, Assert.Single(await db.Jobs.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).Id);
        // The losers' output rows were rolled back with their jobs.
        var output = Assert.Single(await db.Interactions.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(results[0].OutputId, output.Id);
    }

    public void Dispose() => _directory.Dispose();
}
