using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Jobs;
using Platform.Core.Data;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Interactions;

/// <summary>What a chat or a job leaves in its interaction record, read back through GET /api/interactions/{id}.</summary>
public abstract class InteractionRecordTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : JobsTestBase(storage, postgres, fake)
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["Llm:Providers:fakeanthropic:Type"] = "anthropic";
        settings["Llm:Providers:fakeanthropic:BaseUrl"] = Fake.BaseUrl;
        settings["Llm:Providers:fakeanthropic:ApiKey"] = FakeLlmServer.DefaultApiKey;
        settings["Llm:Providers:fakeanthropic:Models:0"] = "claude-sonnet-4-5";
        settings["Llm:Fallbacks:gpt-4o:0"] = "claude-sonnet-4-5";
    }

    [Fact]
    public async Task A_chat_records_its_type_prompt_version_metadata_variables_and_what_was_missing()
    {
        var chat = await ChatAsync(new
        {
            messages = new[] { new { role = "user", content = "Write to {{name}}" } }, useCache = false,
            type = "support_bot", promptVersion = "greeting-v3",
            metadata = new Dictionary<string, string> { ["audience"] = "customers", ["tone"] = "warm" },
            variables = new Dictionary<string, string> { ["name"] = "Ann", ["tone"] = "" },
            requiredVariables = new[] { "name", "tone", "audience" },
        });

        var record = await DetailAsync(chat.GetProperty("interactionId").GetGuid());
        Assert.Equal(("support_bot", "success", "completed", "greeting-v3"),
            (Text(record, "type"), Text(record, "status"), Text(record, "storedStatus"), Text(record, "promptVersion")));
        Assert.Equal("customers", record.GetProperty("metadata").GetProperty("audience").GetString());
        Assert.Equal("Ann", record.GetProperty("inputVariables").GetProperty("name").GetString());
        Assert.False(record.GetProperty("allVariablesPresent").GetBoolean());
        Assert.Equal(["tone", "audience"], record.GetProperty("missingVariables").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(chat.GetProperty("content").GetString(), Text(record, "response"));
        Assert.Equal("Write to {{name}}", Text(record, "prompt"));
        Assert.True(record.GetProperty("tokens").GetProperty("total").GetInt32() > 0);
        Assert.True(record.GetProperty("processingTimeMs").GetDouble() > 0);
        Assert.Equal("no_feedback", record.GetProperty("feedback").GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task A_plain_chat_is_of_type_chat_with_every_variable_present()
    {
        var chat = await ChatAsync(new { messages = new[] { new { role = "user", content = "hello" } }, useCache = false });
        var record = await DetailAsync(chat.GetProperty("interactionId").GetGuid());
        Assert.Equal("chat", Text(record, "type"));
        Assert.True(record.GetProperty("allVariablesPresent").GetBoolean());
        Assert.Empty(record.GetProperty("missingVariables").EnumerateArray());
        Assert.Empty(record.GetProperty("metadata").EnumerateObject());
    }

    [Fact]
    public async Task A_job_output_records_its_labels_and_the_required_variables_its_context_lacks()
    {
        var enqueued = await EnqueueAsync(new
        {
            template = "Summarize {{text}} for {{reader}}", context = new { text = "a long story", audience = "" }, format = "text",
            type = "newsletter", promptVersion = "summary-v2", metadata = new Dictionary<string, string> { ["category"] = "weekly" },
            requiredVariables = new[] { "text", "audience" },
        });
        var id = enqueued.GetProperty("outputId").GetGuid();

        var record = await DetailAsync(id);
        Assert.Equal(("newsletter", "pending", "summary-v2"), (Text(record, "type"), Text(record, "status"), Text(record, "promptVersion")));
        Assert.Equal("weekly", record.GetProperty("metadata").GetProperty("category").GetString());
        Assert.Equal(["reader", "audience"], record.GetProperty("missingVariables").EnumerateArray().Select(v => v.GetString()));
        Assert.False(record.GetProperty("allVariablesPresent").GetBoolean());
        Assert.Equal(enqueued.GetProperty("jobId").GetGuid(), record.GetProperty("jobId").GetGuid());
        // A caller-typed job is still a job output.
        Assert.Equal(id, (await OutputAsync(enqueued)).GetProperty("id").GetGuid());

        StartWorker();
        await WaitForJobAsync(enqueued, "succeeded");
        var done = await DetailAsync(id);
        Assert.Equal(("newsletter", "success", "gpt-4o-mini"), (Text(done, "type"), Text(done, "status"), Text(done, "model")));
        Assert.Equal(2, done.GetProperty("missingVariables").GetArrayLength());
    }

    [Fact]
    public async Task When_a_fallback_answers_the_chat_and_its_record_say_which_model_was_asked_for()
    {
        Fake.AlwaysFor("gpt-4o", FakeFault.Status(503));
        var chat = await ChatAsync(new { messages = new[] { new { role = "user", content = "fall back" } }, model = "gpt-4o", useCache = false });
        Assert.Equal(("gpt-4o", "claude-sonnet-4-5"), (Text(chat, "modelRequested"), Text(chat, "model")));

        var record = await DetailAsync(chat.GetProperty("interactionId").GetGuid());
        Assert.Equal(("gpt-4o", "claude-sonnet-4-5", "fakeanthropic"), (Text(record, "modelRequested"), Text(record, "model"), Text(record, "provider")));
        Assert.True(record.GetProperty("fallbackUsed").GetBoolean());
    }

    [Fact]
    public async Task A_streamed_chat_says_in_its_done_event_which_model_was_asked_for_and_which_answered()
    {
        Fake.AlwaysFor("gpt-4o", FakeFault.Status(503));
        var response = await Admin.PostAsJsonAsync("/api/llm/chat",
            new { messages = new[] { new { role = "user", content = "stream a fallback" } }, model = "gpt-4o", useCache = false, stream = true }, Ct);
        var events = await Gateway.SseReader.ReadAllAsync(response, Ct);
        var done = Gateway.SseReader.Json(events.Single(e => e.Event == "done").Data);
        Assert.Equal(("gpt-4o", "claude-sonnet-4-5"), (Text(done, "modelRequested"), Text(done, "model")));
        var record = await DetailAsync(done.GetProperty("interactionId").GetGuid());
        Assert.True(record.GetProperty("streamed").GetBoolean());
        Assert.True(record.GetProperty("fallbackUsed").GetBoolean());
    }

    [Fact]
    public async Task A_failed_chat_records_the_provider_error_in_its_details()
    {
        Fake.AlwaysFor("gpt-4o-mini", FakeFault.Status(500));
        var response = await Admin.PostAsJsonAsync("/api/llm/chat", new { messages = new[] { new { role = "user", content = "fail" } }, model = "gpt-4o-mini", useCache = false }, Ct);
        Assert.False(response.IsSuccessStatusCode);

        var list = await WaitForFailureAsync();
        Assert.Equal(("failure", "failed"), (Text(list, "status"), Text(list, "storedStatus")));
        var error = list.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(Text(error, "message")));
        Assert.Contains("status 500", Text(error, "details"));
        Assert.Equal("gpt-4o-mini", Text(list, "modelRequested"));
    }

    [Fact]
    public async Task Labels_a_chat_or_a_job_cannot_carry_are_a_400_naming_the_field()
    {
        var ask = new[] { new { role = "user", content = "x" } };
        await AssertRefusedAsync("/api/llm/chat", new { messages = ask, type = "Not A Type" }, "type");
        await AssertRefusedAsync("/api/llm/chat", new { messages = ask, type = new string('a', 33) }, "type");
        await AssertRefusedAsync("/api/llm/chat", new { messages = ask, promptVersion = new string('v', 101) }, "promptVersion");
        await AssertRefusedAsync("/api/llm/chat", new { messages = ask, metadata = new Dictionary<string, string> { ["k"] = new string('x', 1001) } }, "metadata");
        await AssertRefusedAsync("/api/llm/chat", new { messages = ask, requiredVariables = Enumerable.Range(0, 101).Select(i => $"v{i}") }, "requiredVariables");
        await AssertRefusedAsync("/api/llm/chat", new { messages = ask, requiredVariables = new[] { "" } }, "requiredVariables");
        await AssertRefusedAsync("/api/jobs", new { template = "t", type = "Job!" }, "type");
        await AssertRefusedAsync("/api/jobs", new { template = "t", metadata = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v") }, "metadata");
    }

    [Fact]
    public async Task Members_read_their_own_records_and_admins_read_all()
    {
        var ann = Factory.CreateClient(await MemberKeyAsync("Ann"));
        var bob = Factory.CreateClient(await MemberKeyAsync("Bob"));
        var id = (await ChatAsync(new { messages = new[] { new { role = "user", content = "mine" } }, useCache = false }, ann)).GetProperty("interactionId").GetGuid();

        Assert.Equal(id, (await DetailAsync(id, ann)).GetProperty("id").GetGuid());
        Assert.Equal(id, (await DetailAsync(id)).GetProperty("id").GetGuid());
        var other = await bob.GetAsync($"/api/interactions/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync($"/api/interactions/{id}/feedback", new { verdict = "rejected" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/interactions/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal("no_feedback", (await DetailAsync(id)).GetProperty("feedback").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Feedback_outside_its_bounds_is_a_400_naming_the_field()
    {
        var id = (await ChatAsync(new { messages = new[] { new { role = "user", content = "judge me" } }, useCache = false })).GetProperty("interactionId").GetGuid();
        await DetailAsync(id);
        var path = $"/api/interactions/{id}/feedback";
        await AssertRefusedAsync(path, new { qualityScore = 101 }, "qualityScore");
        await AssertRefusedAsync(path, new { qualityScore = -1 }, "qualityScore");
        await AssertRefusedAsync(path, new { verdict = "meh" }, "verdict");
        await AssertRefusedAsync(path, new { rating = "up" }, "rating");
        await AssertRefusedAsync(path, new { comment = new string('c', 2001) }, "comment");
        await AssertRefusedAsync(path, new { editedText = new string('e', 10_001) }, "editedText");
        await AssertRefusedAsync(path, new { }, "verdict");
        Assert.Equal("no_feedback", (await DetailAsync(id)).GetProperty("feedback").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Feedback_is_stored_with_its_time_and_the_edit_distance_to_the_response()
    {
        var chat = await ChatAsync(new { messages = new[] { new { role = "user", content = "say something" } }, useCache = false });
        var id = chat.GetProperty("interactionId").GetGuid();
        var response = chat.GetProperty("content").GetString()!;
        await DetailAsync(id);
        var before = DateTime.UtcNow.AddSeconds(-5);

        var answer = await Admin.PostAsJsonAsync($"/api/interactions/{id}/feedback",
            new { verdict = "accepted", rating = "thumbs_up", qualityScore = 87.5, comment = "good, with \"quotes\"" }, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var feedback = (await DetailAsync(id)).GetProperty("feedback");
        Assert.Equal(("accepted", "thumbs_up", 87.5, "good, with \"quotes\""),
            (Text(feedback, "verdict"), Text(feedback, "rating"), feedback.GetProperty("qualityScore").GetDouble(), Text(feedback, "comment")));
        Assert.True(feedback.GetProperty("at").GetDateTime() >= before);
        Assert.Equal(JsonValueKind.Null, feedback.GetProperty("editDistance").ValueKind);

        // "kitten" appended: six insertions. Members left out keep their values, an edit means modified.
        var edited = await Admin.PostAsJsonAsync($"/api/interactions/{id}/feedback", new { editedText = response + "kitten" }, Ct);
        var after = (await edited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("feedback");
        Assert.Equal(("modified", "thumbs_up", 6), (Text(after, "verdict"), Text(after, "rating"), after.GetProperty("editDistance").GetInt32()));
        Assert.Equal(87.5, (await DetailAsync(id)).GetProperty("feedback").GetProperty("qualityScore").GetDouble());
    }

    [Fact]
    public async Task A_job_output_rated_through_the_outputs_shows_the_same_rating_on_its_record()
    {
        var enqueued = await EnqueueAsync(Prompt("Rate {{x}}", new { x = "me" }));
        var id = enqueued.GetProperty("outputId").GetGuid();
        var rated = await Admin.PostAsJsonAsync($"/api/outputs/{id}/feedback", new { feedback = "thumbs_down", comment = "meh" }, Ct);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);

        var feedback = (await DetailAsync(id)).GetProperty("feedback");
        Assert.Equal(("thumbs_down", "meh", "no_feedback"), (Text(feedback, "rating"), Text(feedback, "comment"), Text(feedback, "verdict")));
        Assert.NotEqual(JsonValueKind.Null, feedback.GetProperty("at").ValueKind);

        await Admin.PostAsJsonAsync($"/api/interactions/{id}/feedback", new { rating = "thumbs_up" }, Ct);
        Assert.Equal("thumbs_up", (await OutputAsync(enqueued)).GetProperty("feedback").GetString());
    }

    private async Task<JsonElement> ChatAsync(object body, HttpClient? client = null)
    {
        var response = await (client ?? Admin).PostAsJsonAsync("/api/llm/chat", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Chat records are written off the request path: wait (bounded) until the record is readable.</summary>
    private async Task<JsonElement> DetailAsync(Guid id, HttpClient? client = null)
    {
        for (var i = 0; i < 600; i++)
        {
            using var response = await (client ?? Admin).GetAsync($"/api/interactions/{id}", Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            }
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await Task.Delay(50, Ct);
        }
        throw new Xunit.Sdk.XunitException($"interaction {id} never became readable");
    }

    /// <summary>The failed chat's answer carries no interaction id: find its record in the database, then read it through the API.</summary>
    private async Task<JsonElement> WaitForFailureAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var failed = db.Interactions.Where(x => x.Status == "failed").Select(x => (Guid?)x.Id).FirstOrDefault();
            if (failed is { } id)
            {
                return await DetailAsync(id);
            }
            await Task.Delay(50, Ct);
        }
        throw new Xunit.Sdk.XunitException("no failed interaction was recorded");
    }

    private async Task AssertRefusedAsync(string path, object body, string field)
    {
        var response = await Admin.PostAsJsonAsync(path, body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiTestBase.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}: {problem}");
    }

    private async Task<string> MemberKeyAsync(string name)
    {
        var created = await Admin.PostAsJsonAsync("/api/users", new { name, email = $"{name}-{Guid.NewGuid():N}@example.com", role = "member" }, Ct);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var key = await Admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id")}/keys", new { name = "k", scope = "member" }, Ct);
        return (await key.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
}

public sealed class InteractionRecordTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : InteractionRecordTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class InteractionRecordTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : InteractionRecordTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
