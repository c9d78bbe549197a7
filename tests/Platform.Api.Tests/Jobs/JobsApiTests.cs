using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Jobs;

/// <summary>The job endpoints without a worker running: enqueue, read, list, cancel, ownership, bad input.</summary>
public abstract class JobsApiTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : JobsTestBase(storage, postgres, fake)
{
    [Fact]
    public async Task Enqueue_answers_202_with_a_queued_job_and_a_pending_output()
    {
        var before = DateTime.UtcNow;
        var enqueued = await EnqueueAsync(Prompt("Summarize {{text}}", new { text = "a long story" }, format: "markdown", priority: "high"));

        Assert.Equal("queued", enqueued.GetProperty("status").GetString());
        Assert.True(enqueued.GetProperty("estimatedCompletion").GetDateTime() >= before);
        var job = await GetAsync($"/api/jobs/{enqueued.GetProperty("jobId")}");
        Assert.Equal(("queued", "high", 0, 0, 5), (job.GetProperty("status").GetString(), job.GetProperty("priority").GetString(),
            job.GetProperty("progress").GetInt32(), job.GetProperty("attempts").GetInt32(), job.GetProperty("maxAttempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);
        Assert.Equal(("Summarize {{text}}", "gpt-4o-mini"), (job.GetProperty("template").GetString(), job.GetProperty("model").GetString()));

        var output = await OutputAsync(enqueued);
        Assert.Equal(("pending", "markdown", "gpt-4o-mini"), (output.GetProperty("status").GetString(), output.GetProperty("format").GetString(), output.GetProperty("model").GetString()));
        Assert.Equal("a long story", output.GetProperty("context").GetProperty("text").GetString());
        Assert.Equal(enqueued.GetProperty("jobId").GetGuid(), output.GetProperty("jobId").GetGuid());
    }

    [Fact]
    public async Task The_same_idempotency_key_from_the_same_owner_returns_the_first_job()
    {
        var body = new { template = "Hello", idempotencyKey = "order-42" };
        var first = await EnqueueAsync(body);
        var again = await Admin.PostAsJsonAsync("/api/jobs", body, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(first.GetProperty("jobId").GetGuid(), repeated.GetProperty("jobId").GetGuid());
        Assert.Equal(first.GetProperty("outputId").GetGuid(), repeated.GetProperty("outputId").GetGuid());

        var member = Factory.CreateClient(await MemberKeyAsync("Idem"));
        var theirs = await EnqueueAsync(body, member);
        Assert.NotEqual(first.GetProperty("jobId").GetGuid(), theirs.GetProperty("jobId").GetGuid());
        var list = await GetAsync("/api/jobs?limit=200");
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"context":{}}""", "template")]
    [InlineData("""{"template":"  "}""", "template")]
    [InlineData("""{"template":"x","priority":"urgent"}""", "priority")]
    [InlineData("""{"template":"x","format":"yaml"}""", "format")]
    [InlineData("""{"template":"x","maxAttempts":0}""", "maxAttempts")]
    [InlineData("""{"template":"x","model":"no-such-model"}""", "model")]
    [InlineData("""{"template":"x","context":[1,2]}""", "context")]
    [InlineData("""{"template":"x","colour":"red"}""", "colour")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field)
    {
        var response = await Admin.PostAsync("/api/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var names = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(names, n => n.Contains(field, StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await GetAsync("/api/jobs")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_model_lists_the_models_available()
    {
        var response = await Admin.PostAsJsonAsync("/api/jobs", new { template = "x", model = "no-such-model" }, Ct);
        var problem = await ProblemAsync(response);
        Assert.Contains("gpt-4o-mini", problem.GetProperty("errors").GetProperty("model")[0].GetString());
    }

    [Fact]
    public async Task Another_members_job_and_output_answer_404_and_admins_see_all()
    {
        var ann = Factory.CreateClient(await MemberKeyAsync("Ann"));
        var bob = Factory.CreateClient(await MemberKeyAsync("Bob"));
        var annsJob = await EnqueueAsync(Prompt("Ann's prompt"), ann);
        var jobId = annsJob.GetProperty("jobId").GetGuid();
        var outputId = annsJob.GetProperty("outputId").GetGuid();

        foreach (var path in new[] { $"/api/jobs/{jobId}", $"/api/outputs/{outputId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(path, Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/api/jobs/{jobId}/cancel", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync($"/api/outputs/{outputId}/feedback", new { feedback = "thumbs_down" }, Ct)).StatusCode);
        Assert.Empty((await GetAsync("/api/jobs", bob)).GetProperty("items").EnumerateArray());
        Assert.Empty((await GetAsync("/api/outputs", bob)).GetProperty("items").EnumerateArray());

        Assert.Equal(jobId, (await GetAsync($"/api/jobs/{jobId}", ann)).GetProperty("id").GetGuid());
        Assert.Equal(jobId, (await GetAsync($"/api/jobs/{jobId}")).GetProperty("id").GetGuid());
        Assert.Single((await GetAsync("/api/outputs", ann)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Cancelling_a_queued_job_cancels_it_at_once_and_fails_its_output()
    {
        var enqueued = await EnqueueAsync(Prompt("later"));
        var id = enqueued.GetProperty("jobId").GetGuid();

        var cancelled = await Admin.PostAsync($"/api/jobs/{id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var output = await OutputAsync(enqueued);
        Assert.Equal("failed", output.GetProperty("status").GetString());

        var again = await Admin.PostAsync($"/api/jobs/{id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("cancelled", (await ProblemAsync(again)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync($"/api/jobs/{Guid.NewGuid()}/retry", null, Ct)).StatusCode);
        var queued = (await EnqueueAsync(Prompt("still queued"))).GetProperty("jobId").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PostAsync($"/api/jobs/{queued}/retry", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Lists_filter_by_status_and_priority_and_page_by_cursor()
    {
        var ids = new List<Guid>();
        foreach (var priority in new[] { "low", "high", "low", "low", "default" })
        {
            ids.Add((await EnqueueAsync(Prompt("p", priority: priority))).GetProperty("jobId").GetGuid());
        }
        await Admin.PostAsync($"/api/jobs/{ids[0]}/cancel", null, Ct);

        var low = await GetAsync("/api/jobs?priority=low&status=queued");
        Assert.Equal([ids[3], ids[2]], low.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()));

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await GetAsync("/api/jobs?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Reverse(ids), seen);

        var stats = await GetAsync("/api/jobs/stats");
        Assert.Equal(4, stats.GetProperty("byStatus").GetProperty("queued").GetInt32());
        Assert.Equal(1, stats.GetProperty("byStatus").GetProperty("cancelled").GetInt32());
        Assert.Equal(3, stats.GetProperty("byPriority").GetProperty("low").GetInt32());
    }

    [Theory]
    [InlineData("/api/jobs?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/jobs?status=sleeping", "status")]
    [InlineData("/api/jobs?priority=2", "priority")]
    [InlineData("/api/jobs?limit=0", "limit")]
    [InlineData("/api/outputs?feedback=meh", "feedback")]
    public async Task Bad_query_parameters_are_400s_naming_them(string path, string field)
    {
        var response = await Admin.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    private async Task<string> MemberKeyAsync(string name)
    {
        var user = await PostAsync("/api/users", new { name, email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", role = "member" });
        return (await PostAsync($"/api/users/{user.GetProperty("id")}/keys", new { name = "k", scope = "member" })).GetProperty("key").GetString()!;
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        var response = await Admin.PostAsJsonAsync(path, body, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Task<JsonElement> ProblemAsync(HttpResponseMessage response) => ApiTestBase.ProblemAsync(response);
}

public sealed class JobsApiTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : JobsApiTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class JobsApiTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : JobsApiTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
