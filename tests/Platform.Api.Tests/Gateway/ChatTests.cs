using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

public sealed class ChatTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    [Fact]
    public async Task A_chat_answer_carries_usage_cost_and_ids_and_they_land_on_the_interaction()
    {
        var response = await ChatAsync(new { messages = new[] { new { role = "system", content = "be brief" }, new { role = "user", content = "count my words please" } }, model = "gpt-4o-mini", userId = "end-user-7", sessionId = "s-9", metadata = new Dictionary<string, string> { ["feature"] = "summary" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        var usage = body.GetProperty("usage");
        var (input, output) = (usage.GetProperty("inputTokens").GetInt64(), usage.GetProperty("outputTokens").GetInt64());
        Assert.True(input > 0 && output > 0);
        Assert.Equal(input + output, usage.GetProperty("totalTokens").GetInt64());
        Assert.Equal("fakeopenai", body.GetProperty("provider").GetString());
        Assert.Equal("stop", body.GetProperty("finishReason").GetString());
        var expectedCost = (input * 0.15 + output * 0.60) / 1_000_000;
        Assert.Equal(expectedCost, body.GetProperty("costUsd").GetDouble(), 12);

        var record = await InteractionAsync(body.GetProperty("interactionId").GetGuid());
        Assert.Equal(("completed", "fakeopenai", "gpt-4o-mini"), (record.Status, record.Provider, record.Model));
        Assert.Equal((int)input, record.InputTokens);
        Assert.Equal((int)output, record.OutputTokens);
        Assert.Equal(expectedCost, record.CostUsd!.Value, 12);
        Assert.Equal(("end-user-7", "s-9"), (record.EndUserId, record.SessionId));
        Assert.Contains("summary", record.MetadataJson);
        Assert.Contains("be brief", record.MessagesJson);
        Assert.Equal(body.GetProperty("content").GetString(), record.Response);
        Assert.NotNull(record.OwnerUserId);
    }

    [Fact]
    public async Task The_recorded_messages_are_the_serializers_json_of_each_role_and_text()
    {
        // Escapes, non-ASCII, HTML-sensitive characters, an emoji and a control character: the record is written
        // without the serializer on the hot path, and must still read exactly as the serializer would write it.
        var texts = new[] { "système: \"quote\" \\ back <b>&amp;</b> 'apos'", "emoji 🎉 tab\t line\nnext \u0001 end" };
        var response = await ChatAsync(new { messages = new[] { new { role = "system", content = texts[0] }, new { role = "user", content = texts[1] } }, useCache = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var record = await InteractionAsync((await JsonAsync(response)).GetProperty("interactionId").GetGuid());
        Assert.Equal(JsonSerializer.Serialize(new[] { new { role = "system", content = texts[0] }, new { role = "user", content = texts[1] } }), record.MessagesJson);
    }

    [Fact]
    public async Task Options_reach_the_provider_on_the_wire()
    {
        var response = await ChatAsync(new { messages = new[] { new { role = "user", content = "json please" } }, maxTokens = 50, temperature = 0.3, responseFormat = "json", useCache = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Fake.LastRequest;
        Assert.Equal((50, 0.3, "json_object"), (sent.MaxTokens, Math.Round(sent.Temperature ?? 0, 3), sent.ResponseFormat));
        using var _ = JsonDocument.Parse((await JsonAsync(response)).GetProperty("content").GetString()!);
    }

    [Fact]
    public async Task A_cache_hit_does_not_reach_the_provider()
    {
        var first = await ChatAsync(Ask("cache me", useCache: true));
        var second = await ChatAsync(Ask("cache me", useCache: true));
        Assert.Equal("miss", first.Headers.GetValues("x-platform-cache").Single());
        Assert.Equal("hit", second.Headers.GetValues("x-platform-cache").Single());
        Assert.True((await JsonAsync(second)).GetProperty("cached").GetBoolean());
        Assert.Equal(1, Fake.RequestCount);

        var bypass = await ChatAsync(Ask("cache me", useCache: false));
        Assert.Equal("miss", bypass.Headers.GetValues("x-platform-cache").Single());
        Assert.Equal(2, Fake.RequestCount);

        var stats = await JsonAsync(await Admin.GetAsync("/api/llm/cache/stats", Ct));
        Assert.Equal((1, 1, "memory"), (stats.GetProperty("hits").GetInt64(), stats.GetProperty("misses").GetInt64(), stats.GetProperty("backend").GetString()));
    }

    [Fact]
    public async Task Clearing_the_cache_makes_the_next_call_a_miss()
    {
        await ChatAsync(Ask("clear me", useCache: true));
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync("/api/llm/cache", Ct)).StatusCode);
        var after = await ChatAsync(Ask("clear me", useCache: true));
        Assert.Equal("miss", after.Headers.GetValues("x-platform-cache").Single());
        Assert.Equal(2, Fake.RequestCount);
    }

    [Fact]
    public async Task Every_answer_reports_the_platform_overhead()
    {
        var response = await ChatAsync(Ask("overhead"));
        var overhead = double.Parse(response.Headers.GetValues("x-platform-overhead-ms").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(overhead >= 0);
        Assert.True(overhead <= (await JsonAsync(response)).GetProperty("latencyMs").GetDouble() + 1);
    }

    [Fact]
    public async Task An_anthropic_model_is_answered_through_the_anthropic_wire_format()
    {
        var response = await ChatAsync(Ask("hello claude", model: "claude-sonnet-4-5"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("fakeanthropic", body.GetProperty("provider").GetString());
        Assert.Contains("hello claude", body.GetProperty("content").GetString());
        Assert.Equal(FakeLlmApi.AnthropicMessages, Fake.LastRequest.Api);
        Assert.True(body.GetProperty("usage").GetProperty("outputTokens").GetInt64() > 0);
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"model":"no-such-model"}""", "model", "gpt-4o-mini")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"provider":"nope"}""", "provider", "fakeopenai")]
    [InlineData("""{"messages":[]}""", "messages", null)]
    [InlineData("""{"messages":[{"role":"robot","content":"x"}]}""", "messages[0].role", null)]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"temperature":7}""", "temperature", null)]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"stream":"yes"}""", "stream", null)]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"colour":"red"}""", "colour", null)]
    public async Task Bad_requests_get_400_naming_the_field_and_what_is_available(string body, string field, string? listed)
    {
        var response = await Admin.PostAsync("/api/llm/chat", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        if (listed is not null)
        {
            Assert.Contains(listed, problem.GetProperty("detail").GetString());
        }
        Assert.Equal(0, Fake.RequestCount);
    }

    [Fact]
    public async Task The_provider_list_shows_models_prices_and_circuit_state()
    {
        var providers = await Admin.GetFromJsonAsync<JsonElement>("/api/llm/providers", Ct);
        var openai = providers.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "fakeopenai");
        Assert.Equal("closed", openai.GetProperty("circuitState").GetString());
        Assert.True(openai.GetProperty("configured").GetBoolean());
        Assert.Equal(0.15m, openai.GetProperty("prices").GetProperty("gpt-4o-mini").GetProperty("inputPerMillion").GetDecimal());
        Assert.Contains(providers.EnumerateArray(), p => p.GetProperty("name").GetString() == "offline");
        Assert.DoesNotContain("fake-key", providers.ToString());
    }
}
