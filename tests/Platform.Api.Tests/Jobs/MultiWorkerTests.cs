using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Processing;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Jobs;

/// <summary>Several claim loops on one database: every job runs exactly once, none twice at the same time.</summary>
public abstract class MultiWorkerTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : JobsTestBase(storage, postgres, fake)
{
    [Fact]
    public async Task Three_workers_draining_one_queue_run_every_job_exactly_once()
    {
        const int count = 300;
        var handler = new CountingHandler();
        using (var scope = Factory.Services.CreateScope())
        {
            var jobs = Enumerable.Range(0, count).Select(_ => new Job { Kind = CountingHandler.KindName, Priority = JobPriority.Default }).ToList();
            await scope.ServiceProvider.GetRequiredService<JobStore>().EnqueueManyAsync(jobs, Ct);
        }

        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 3)
            .Select(_ => ActivatorUtilities.CreateInstance<JobProcessor>(Factory.Services, new IJobHandler[] { handler }, new JobSignal()))
            .ToList();
        Assert.Equal(3, workers.Select(w => w.WorkerId).Distinct().Count());
        var running = workers.Select(w => w.RunAsync(stop.Token)).ToList();
        for (var i = 0; i < 1200 && handler.Runs.Values.Sum() < count; i++)
        {
            await Task.Delay(50, Ct);
        }
        await stop.CancelAsync();
        await Task.WhenAll(running);

        Assert.Equal(count, handler.Runs.Count);
        Assert.All(handler.Runs, run => Assert.Equal(1, run.Value));
        Assert.Equal(0, handler.MaxOverlapSeen);
        using var check = Factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(count, await db.Jobs.CountAsync(j => j.Status == JobStatus.Succeeded && j.Attempts == 1, Ct));
        Assert.True(handler.Workers.Count > 1, "the work was not shared between workers");
    }

    /// <summary>Counts runs per job and notices a job running twice at once; records which workers ran jobs.</summary>
    private sealed class CountingHandler : IJobHandler
    {
        public const string KindName = "counting";
        private readonly ConcurrentDictionary<Guid, int> _inFlight = new();

        public ConcurrentDictionary<Guid, int> Runs { get; } = new();
        public ConcurrentDictionary<string, bool> Workers { get; } = new();
        public int MaxOverlapSeen { get; private set; }
        public string Kind => KindName;

        public async Task<string?> RunAsync(JobExecution execution, CancellationToken cancellationToken)
        {
            var id = execution.Job.Id;
            if (_inFlight.AddOrUpdate(id, 1, (_, n) => n + 1) > 1)
            {
                MaxOverlapSeen++;
            }
            Runs.AddOrUpdate(id, 1, (_, n) => n + 1);
            Workers[execution.Job.LeaseOwner ?? "?"] = true;
            await Task.Yield();
            _inFlight.AddOrUpdate(id, 0, (_, n) => n - 1);
            return null;
        }

        public Task OnEndedAsync(IServiceProvider services, Job job, JobEnd end, string? error, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class MultiWorkerTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : MultiWorkerTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class MultiWorkerTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : MultiWorkerTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
