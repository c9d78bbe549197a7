using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Jobs;

/// <summary>At-least-once: a Worker process killed mid-job loses the job only until its lease expires.</summary>
public abstract class WorkerCrashTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : JobsTestBase(storage, postgres, fake)
{
    [Fact]
    public async Task A_job_whose_worker_process_is_killed_mid_call_completes_once_after_its_lease_expires()
    {
        // The first provider call hangs: the worker is inside the job when it dies.
        Fake.Enqueue(FakeFault.Delay(TimeSpan.FromMinutes(2)));
        Fake.Reply = "survived";
        var enqueued = await EnqueueAsync(Prompt("Crash me"));

        using var directory = new TempDirectory("worker");
        var environment = new Dictionary<string, string>(Settings(Fake))
        {
            ["ConnectionStrings:platformdb"] = ConnectionString ?? $"Data Source={Factory.DatabasePath}",
            ["Platform:DataDir"] = directory.Path,
        };
        using (var worker = new WorkerProcess(environment, directory.Path))
        {
            for (var i = 0; i < 1200 && Fake.RequestCount == 0 && !worker.HasExited; i++)
            {
                await Task.Delay(50, Ct);
            }
            Assert.True(Fake.RequestCount == 1, $"the worker never called the provider:\n{worker.Log}");
            Assert.Equal("running", (await GetAsync($"/api/jobs/{enqueued.GetProperty("jobId")}")).GetProperty("status").GetString());
            worker.Kill();
        }

        StartWorker();
        var job = await WaitForJobAsync(enqueued, "succeeded");

        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        Assert.Equal(2, Fake.RequestCount);
        var output = await OutputAsync(enqueued);
        Assert.Equal(("completed", "survived"), (output.GetProperty("status").GetString(), output.GetProperty("rawResponse").GetString()));
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(1, await db.Interactions.CountAsync(i => i.Type == InteractionTypes.Job, Ct));
    }
}

public sealed class WorkerCrashTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : WorkerCrashTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class WorkerCrashTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : WorkerCrashTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
