using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Jobs;

/// <summary>A deleted user's queued work never reaches a provider.</summary>
public abstract class DeletedOwnerTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : JobsTestBase(storage, postgres, fake)
{
    [Fact]
    public async Task Deleting_a_user_cancels_their_queued_jobs_and_the_worker_never_runs_them()
    {
        var (userId, ann) = await MemberAsync("Ann");
        var annsJob = await EnqueueAsync(Prompt("Ann's secret plan"), ann);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/users/{userId}", Ct)).StatusCode);

        var job = await GetAsync($"/api/jobs/{annsJob.GetProperty("jobId")}");
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.Contains("owner was deleted", job.GetProperty("error").GetString());
        Assert.Equal("failed", (await OutputAsync(annsJob)).GetProperty("status").GetString());

        // A later job running to completion shows the worker had its chance at Ann's.
        StartWorker();
        await WaitForJobAsync(await EnqueueAsync(Prompt("the admin's job")), "succeeded");
        Assert.Equal("cancelled", (await GetAsync($"/api/jobs/{annsJob.GetProperty("jobId")}")).GetProperty("status").GetString());
        Assert.DoesNotContain(Fake.Requests, r => r.Body.Contains("secret plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_whose_owner_is_gone_when_claimed_fails_without_calling_the_provider()
    {
        var (userId, bob) = await MemberAsync("Bob");
        var bobsJob = await EnqueueAsync(Prompt("Bob's secret plan", maxAttempts: 3), bob);
        // The row vanishes without the endpoint's cancellation: a job enqueued with a key still cached elsewhere.
        using (var scope = Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.Where(u => u.Id == userId).ExecuteDeleteAsync(Ct);
        }

        StartWorker();
        var job = await WaitForJobAsync(bobsJob, "failed");
        Assert.Contains("owner was deleted", job.GetProperty("error").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.DoesNotContain(Fake.Requests, r => r.Body.Contains("secret plan", StringComparison.Ordinal));
    }

    private async Task<(Guid UserId, HttpClient Client)> MemberAsync(string name)
    {
        var created = await Admin.PostAsJsonAsync("/api/users", new { name, email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", role = "member" }, Ct);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var key = await Admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id")}/keys", new { name = "k", scope = "member" }, Ct);
        var secret = (await key.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        return (user.GetProperty("id").GetGuid(), Factory.CreateClient(secret));
    }
}

public sealed class DeletedOwnerTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : DeletedOwnerTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class DeletedOwnerTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : DeletedOwnerTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
