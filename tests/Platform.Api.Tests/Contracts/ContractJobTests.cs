using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Jobs;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Contracts;

/// <summary>Queued generation: POST generate-async, the Worker runs the contract.generate job, GET /api/jobs/{id} points at the contract.</summary>
public abstract class ContractJobTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : ContractsTestBase(storage, postgres, fake)
{
    [Fact]
    public async Task A_queued_generation_ends_with_the_job_result_pointing_at_the_stored_contract()
    {
        await SeedPainAsync("ann");
        Fake.Reply = ValidAnswer;
        StartWorker();

        var job = await WaitForJobAsync(await EnqueueContractAsync(new { userId = "ann", baseContract = BaseContract(), version = "3.1.4" }), "succeeded");

        Assert.Equal(("contract.generate", 100), (job.GetProperty("kind").GetString(), job.GetProperty("progress").GetInt32()));
        var result = job.GetProperty("result");
        Assert.Equal("3.1.5", result.GetProperty("version").GetString());
        var contract = await GetAsync($"/api/contracts/{result.GetProperty("contractId").GetGuid()}");
        Assert.Equal(("ann", "3.1.5", "openai"), (contract.GetProperty("userId").GetString(), contract.GetProperty("version").GetString(),
            contract.GetProperty("meta").GetProperty("optimizedBy").GetString()));
        var listed = (await GetAsync("/api/jobs?limit=5")).GetProperty("items").EnumerateArray().Single(j => j.GetProperty("id").GetGuid() == job.GetProperty("id").GetGuid());
        Assert.Equal(result.GetRawText(), listed.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task A_queued_generation_without_a_stored_base_is_refused_at_once()
    {
        using var response = await Admin.PostAsJsonAsync("/api/contracts/generate-async", new { userId = "nobody" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("baseContract", out _));
    }

    [Fact]
    public async Task The_Worker_process_runs_a_queued_generation_with_its_own_analytics_and_fallback()
    {
        await SeedPainAsync("ann");
        Fake.AlwaysFail(500);
        var enqueued = await EnqueueContractAsync(new { userId = "ann", baseContract = BaseContract() });

        using var directory = new TempDirectory("worker");
        var environment = new Dictionary<string, string>(Settings(Fake))
        {
            ["ConnectionStrings:platformdb"] = ConnectionString ?? $"Data Source={Factory.DatabasePath}",
            ["Platform:DataDir"] = directory.Path,
        };
        using var worker = new WorkerProcess(environment, directory.Path);
        JsonElement job = default;
        for (var i = 0; i < 1200 && !worker.HasExited; i++)
        {
            job = await GetAsync($"/api/jobs/{enqueued.GetProperty("jobId")}");
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                break;
            }
            await Task.Delay(50, Ct);
        }
        Assert.True(job.GetProperty("status").GetString() == "succeeded", $"{job}\n{worker.Log}");
        var contract = await GetAsync($"/api/contracts/{job.GetProperty("result").GetProperty("contractId").GetGuid()}");
        var meta = contract.GetProperty("meta");
        Assert.Equal("heuristic", meta.GetProperty("optimizedBy").GetString());
        Assert.Contains("rage-click pay-button: clearer label, disabled while submitting", meta.GetProperty("appliedRules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, Fake.RequestCount);
    }

    private async Task<JsonElement> EnqueueContractAsync(object body)
    {
        using var response = await Admin.PostAsJsonAsync("/api/contracts/generate-async", body, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}

public sealed class ContractJobTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : ContractJobTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class ContractJobTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : ContractJobTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
