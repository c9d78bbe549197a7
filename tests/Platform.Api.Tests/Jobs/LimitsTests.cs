using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Jobs;

/// <summary>Every client-controlled size has a configured cap, and the answer names the setting and the value.</summary>
public abstract class LimitsTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : JobsTestBase(storage, postgres, fake)
{
    // Six UTF-16 units with a surrogate pair at 3-4: the detail is copied in 16,384-character chunks, so in a
    // repetition of it a chunk ends between the two halves of a pair (16383 % 6 == 3).
    private static readonly string Wide = string.Concat(Enumerable.Repeat("é\"\n😀\t", 150));

    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["Limits:MaxTemplateChars"] = "1000";
        settings["Limits:MaxContextBytes"] = "4000";
        settings["Limits:MaxContextDepth"] = "5";
        settings["Limits:MaxPromptChars"] = "50000";
        settings["Limits:MaxJobRequestBytes"] = "8000";
        settings["Limits:MaxRequestBytes"] = "4096";
        settings["Limits:MaxMessages"] = "3";
        settings["Limits:MaxPageSize"] = "10";
        settings["Limits:PreviewChars"] = "20";
    }

    [Fact]
    public async Task A_template_over_the_cap_is_a_400_naming_the_setting_and_the_length()
    {
        var error = await RefusedAsync(await Admin.PostAsJsonAsync("/api/jobs", new { template = new string('t', 1001) }, Ct), "template");
        Assert.Contains("1001", error);
        Assert.Contains("Limits:MaxTemplateChars", error);
    }

    [Fact]
    public async Task A_context_too_deep_or_too_large_is_a_400_naming_the_setting()
    {
        var deep = JsonNode("""{"a":{"b":{"c":{"d":{"e":{"f":1}}}}}}""");
        var tooDeep = await RefusedAsync(await Admin.PostAsJsonAsync("/api/jobs", new { template = "x", context = deep }, Ct), "context");
        Assert.Contains("6 levels", tooDeep);
        Assert.Contains("Limits:MaxContextDepth", tooDeep);

        var tooLarge = await RefusedAsync(
            await Admin.PostAsJsonAsync("/api/jobs", new { template = "x", context = new { text = new string('c', 4100) } }, Ct), "context");
        Assert.Contains("Limits:MaxContextBytes", tooLarge);
        Assert.Contains("4111 bytes", tooLarge);
    }

    [Fact]
    public async Task A_template_that_expands_beyond_the_prompt_cap_is_refused_at_enqueue_and_nothing_is_stored()
    {
        // 100 placeholders of a 1,000-character value: a 600-character template that would render 100,000 characters.
        var template = string.Concat(Enumerable.Repeat("{{x}} ", 100));
        var error = await RefusedAsync(
            await Admin.PostAsJsonAsync("/api/jobs", new { template, context = new { x = new string('v', 1000) } }, Ct), "template");
        Assert.Contains("Limits:MaxPromptChars", error);
        Assert.Contains("50000", error);
        Assert.Empty((await GetAsync("/api/jobs")).GetProperty("items").EnumerateArray());
        Assert.Empty((await GetAsync("/api/outputs")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_body_over_the_endpoint_limit_is_a_413_naming_the_setting()
    {
        var job = await Admin.PostAsync("/api/jobs", Json(new { template = "x", context = new { text = new string('c', 9000) } }), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, job.StatusCode);
        Assert.Contains("Limits:MaxJobRequestBytes", (await ProblemAsync(job)).GetProperty("detail").GetString());

        // Endpoints without a limit of their own get the default one.
        var user = await Admin.PostAsync("/api/users", Json(new { name = new string('n', 5000), email = "big@example.com", role = "member" }), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, user.StatusCode);
        var detail = (await ProblemAsync(user)).GetProperty("detail").GetString();
        Assert.Contains("Limits:MaxRequestBytes", detail);
        Assert.Contains("4096", detail);
    }

    [Theory]
    [InlineData("/api/jobs?limit=11")]
    [InlineData("/api/outputs?limit=500")]
    public async Task A_page_size_over_the_cap_is_a_400_naming_the_setting(string path)
    {
        var error = await RefusedAsync(await Admin.GetAsync(path, Ct), "limit");
        Assert.Contains("Limits:MaxPageSize", error);
        Assert.Contains("10", error);
    }

    [Fact]
    public async Task Chat_requests_with_more_messages_than_the_cap_are_400s_on_both_surfaces()
    {
        var messages = Enumerable.Range(0, 4).Select(i => new { role = "user", content = $"m{i}" }).ToArray();
        var chat = await RefusedAsync(await Admin.PostAsJsonAsync("/api/llm/chat", new { messages }, Ct), "messages");
        Assert.Contains("Limits:MaxMessages", chat);

        var openAi = await Admin.PostAsJsonAsync("/v1/chat/completions", new { model = "gpt-4o-mini", messages }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, openAi.StatusCode);
        Assert.Contains("Limits:MaxMessages", await openAi.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain(Fake.Requests, r => r.Api == FakeLlmApi.OpenAIChat);
    }

    [Fact]
    public async Task Lists_carry_previews_and_lengths_and_the_detail_streams_the_full_texts()
    {
        Fake.Reply = string.Concat(Enumerable.Repeat(Wide, 30));
        var template = string.Concat(Enumerable.Repeat("{{x}}|", 40));
        var enqueued = await EnqueueAsync(new { template, context = new { x = Wide } });
        StartWorker();
        await WaitForJobAsync(enqueued, "succeeded");
        var prompt = string.Concat(Enumerable.Repeat(Wide + "|", 40));

        // Previews and lengths count Unicode characters (code points), as both databases do.
        var summary = Assert.Single((await GetAsync("/api/outputs")).GetProperty("items").EnumerateArray());
        Assert.Equal(Preview(template), (summary.GetProperty("template").GetString(), summary.GetProperty("templateLength").GetInt32()));
        Assert.Equal(Preview(prompt), (summary.GetProperty("prompt").GetString(), summary.GetProperty("promptLength").GetInt32()));
        Assert.Equal(Preview(Fake.Reply), (summary.GetProperty("content").GetString(), summary.GetProperty("contentLength").GetInt32()));
        var job = Assert.Single((await GetAsync("/api/jobs")).GetProperty("items").EnumerateArray());
        Assert.Equal(Preview(template), (job.GetProperty("template").GetString(), job.GetProperty("templateLength").GetInt32()));

        var output = await OutputAsync(enqueued);
        Assert.Equal(prompt, output.GetProperty("prompt").GetString());
        Assert.Equal(Fake.Reply, output.GetProperty("rawResponse").GetString());
        Assert.Equal(Fake.Reply, output.GetProperty("parsedOutput").GetString());
        Assert.Equal(Wide, output.GetProperty("context").GetProperty("x").GetString());
        Assert.Equal(template, (await GetAsync($"/api/jobs/{enqueued.GetProperty("jobId")}")).GetProperty("template").GetString());
    }

    [Fact]
    public async Task Regenerate_refuses_an_oversized_override_and_a_merged_context_whose_prompt_is_over_the_cap()
    {
        var template = string.Concat(Enumerable.Repeat("{{x}} ", 60));
        var outputId = (await EnqueueAsync(new { template, context = new { x = "short" } })).GetProperty("outputId").GetGuid();

        var big = await RefusedAsync(await Admin.PostAsJsonAsync($"/api/outputs/{outputId}/regenerate",
            new { context = new { y = new string('y', 4100) } }, Ct), "context");
        Assert.Contains("Limits:MaxContextBytes", big);

        // 60 x 1,000 characters: the override alone is small, the prompt it renders is not.
        var expands = await RefusedAsync(await Admin.PostAsJsonAsync($"/api/outputs/{outputId}/regenerate",
            new { context = new { x = new string('x', 1000) } }, Ct), "template");
        Assert.Contains("Limits:MaxPromptChars", expands);
        Assert.Single((await GetAsync("/api/jobs")).GetProperty("items").EnumerateArray());
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        return string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    private static (string, int) Preview(string text) =>
        (string.Concat(text.EnumerateRunes().Take(20)), text.EnumerateRunes().Count());

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static JsonElement JsonNode(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Task<JsonElement> ProblemAsync(HttpResponseMessage response) => ApiTestBase.ProblemAsync(response);
}

public sealed class LimitsTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : LimitsTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class LimitsTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : LimitsTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
