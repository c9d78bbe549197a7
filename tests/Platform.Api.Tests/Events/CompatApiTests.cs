using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Interactions;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Events;

/// <summary>The earlier LLM Platform API's endpoints, against the fake provider over real HTTP.</summary>
public abstract class CompatApiTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : EventsTestBase(storage, postgres)
{
    protected override IReadOnlyDictionary<string, string>? Settings() => new Dictionary<string, string>(base.Settings()!)
    {
        ["Llm:DefaultModel"] = "gpt-4o-mini",
        ["Llm:Providers:fakeopenai:Type"] = "openai",
        ["Llm:Providers:fakeopenai:BaseUrl"] = fake.OpenAIBaseUrl,
        ["Llm:Providers:fakeopenai:ApiKey"] = FakeLlmServer.DefaultApiKey,
        ["Llm:Providers:fakeopenai:Models:0"] = "gpt-4o-mini",
    };

    [Fact]
    public async Task Log_event_stores_an_event_from_snake_case_fields()
    {
        var user = "compat-" + Guid.NewGuid().ToString("N");
        using var response = await AnnIngest.PostAsJsonAsync("/log_event", new
        {
            user_id = user, session_id = "s1", event_type = "click", query = "shoes", target_url = "https://shop.example.com/p/1",
            page_url = "https://shop.example.com/search", extra_data = new { rank = 1 },
        }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var stored = Assert.Single(await StoredAsync(q => q.Where(e => e.UserId == user), 1));
        Assert.Equal(("s1", "click", "shoes"), (stored.SessionId, stored.EventType, stored.Query));
        Assert.Equal(("https://shop.example.com/p/1", "https://shop.example.com/search"), (stored.TargetUrl, stored.PageUrl));
        Assert.Equal(1, JsonDocument.Parse(stored.ExtraJson!).RootElement.GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Log_event_names_a_bad_field_as_sent()
    {
        using var missing = await PostRawAsync(AnnIngest, """{"event_type":"click"}""", "/log_event");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await ProblemAsync(missing)).GetProperty("errors").TryGetProperty("user_id", out _));

        using var camel = await PostRawAsync(AnnIngest, """{"user_id":"u","event_type":"click","userId":"u"}""", "/log_event");
        Assert.Equal(HttpStatusCode.BadRequest, camel.StatusCode);
        Assert.True((await ProblemAsync(camel)).GetProperty("errors").TryGetProperty("userId", out _));
    }

    [Fact]
    public async Task Query_answers_through_the_gateway_and_is_recorded_as_a_chat_of_that_end_user()
    {
        fake.Reset();
        fake.Reply = "Try the blue ones.";
        using var response = await AnnMember.PostAsJsonAsync("/query", new { user_id = "shopper-1", session_id = "s-42", query = "Which shoes?" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Try the blue ones.", answer.GetProperty("response").GetString());
        Assert.Equal(0, answer.GetProperty("source").GetArrayLength());

        var record = await StoredInteractions.WaitAsync(Factory.Services, answer.GetProperty("interaction_id").GetGuid(), TimeSpan.FromSeconds(10), Ct);
        Assert.Equal((InteractionTypes.Chat, "shopper-1", "s-42", AnnId), (record.Type, record.EndUserId, record.SessionId, record.OwnerUserId!.Value));
        Assert.Equal("Which shoes?", record.RenderedPrompt);
        Assert.Equal("Which shoes?", Assert.Single(fake.Requests).LastUserText);

        using var empty = await AnnMember.PostAsJsonAsync("/query", new { user_id = "shopper-1" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await ProblemAsync(empty)).GetProperty("errors").TryGetProperty("query", out _));
    }

    [Fact]
    public async Task Export_data_counts_queries_and_events_and_holds_both()
    {
        fake.Reset();
        fake.Reply = "ok";
        var user = "export-" + Guid.NewGuid().ToString("N");
        (await AnnMember.PostAsJsonAsync("/query", new { user_id = user, query = "hello" }, Ct)).EnsureSuccessStatusCode();
        await IngestAsync(AnnIngest, new { events = new[] { new { userId = user, eventType = "view" }, new { userId = user, eventType = "click" } } });
        await StoredAsync(q => q.Where(e => e.UserId == user), 2);

        var export = await WaitForAsync(async () => await AnnMember.GetFromJsonAsync<JsonElement>("/export_data", Ct),
            e => e.GetProperty("queries_count").GetInt64() == 1);
        Assert.Equal(2, export.GetProperty("events_count").GetInt64());
        Assert.Equal(3, export.GetProperty("total_records").GetInt64());
        Assert.False(export.GetProperty("truncated").GetBoolean());
        var types = export.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("record_type").GetString()).Order().ToList();
        Assert.Equal(["event", "event", "query"], types);

        var status = await AnnIngest.GetFromJsonAsync<JsonElement>("/status", Ct);
        Assert.Equal("ok", status.GetProperty("status").GetString());
    }

    private static async Task<JsonElement> WaitForAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(50, Ct);
        }
    }
}

public sealed class CompatApiTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : CompatApiTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class CompatApiTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : CompatApiTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
