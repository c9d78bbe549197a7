using System.ClientModel;
using System.Net;
using System.Text;
using OpenAI;
using OpenAI.Chat;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>The official OpenAI .NET SDK, over real HTTP (Kestrel), pointed at the platform's /v1.</summary>
public sealed class OpenAICompatTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    protected override bool RealHttp => true;

    private ChatClient Sdk(string model)
    {
        var address = Factory.CreateClient().BaseAddress!;
        return new ChatClient(model, new ApiKeyCredential(ApiFactory.AdminKey), new OpenAIClientOptions { Endpoint = new Uri(address, "v1") });
    }

    [Fact]
    public async Task The_openai_sdk_gets_a_correct_non_streaming_answer()
    {
        Fake.Reply = "Paris is the capital of France.";
        var completion = (await Sdk("gpt-4o-mini").CompleteChatAsync([new SystemChatMessage("be terse"), new UserChatMessage("Capital of France?")], cancellationToken: Ct)).Value;
        Assert.Equal("Paris is the capital of France.", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal("gpt-4o-mini", completion.Model);
        Assert.True(completion.Usage.OutputTokenCount > 0);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
        Assert.Equal("be terse", Fake.LastRequest.Messages[0].Text);
    }

    [Fact]
    public async Task The_openai_sdk_streams_chunks_in_order_with_usage()
    {
        Fake.Reply = "red orange yellow green blue";
        var text = new StringBuilder();
        var chunks = 0;
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in Sdk("gpt-4o-mini").CompleteChatStreamingAsync([new UserChatMessage("colours")], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
                chunks++;
            }
            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }
        Assert.Equal("red orange yellow green blue", text.ToString());
        Assert.True(chunks > 1);
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.True(usage.OutputTokenCount > 0);
    }

    [Fact]
    public async Task The_v1_stream_is_openais_wire_format_unnamed_data_events_ending_with_done()
    {
        Fake.Reply = "one two three";
        var response = await StreamV1Async("wire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events[..^1], e => Assert.StartsWith("data: {", e, StringComparison.Ordinal));
        Assert.DoesNotContain("event:", body, StringComparison.Ordinal);
        Assert.Equal("data: [DONE]", events[^1]);
        Assert.Contains("\"usage\":{\"prompt_tokens\":", events[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_v1_stream_failing_before_its_first_chunk_is_a_problem_with_the_real_status()
    {
        Fake.Enqueue(FakeFault.Status(400, "context too long"));
        var response = await StreamV1Async("too long");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("context too long", SseReader.Json(await response.Content.ReadAsStringAsync(Ct)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_v1_stream_failing_after_its_first_chunk_ends_with_an_error_object_and_no_done()
    {
        Fake.Reply = "alpha beta gamma delta";
        Fake.Enqueue(FakeFault.CutStream(afterChunks: 2));
        var response = await StreamV1Async("cut");

        var events = await SseReader.ReadAllAsync(response, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(SseReader.Json(events[^1].Data).TryGetProperty("error", out _));
        Assert.DoesNotContain(events, e => e.Data == "[DONE]");
    }

    [Fact]
    public async Task The_openai_sdk_sees_an_unknown_model_as_a_400_with_a_message()
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() => Sdk("no-such-model").CompleteChatAsync([new UserChatMessage("x")], cancellationToken: Ct));
        Assert.Equal(400, error.Status);
        Assert.Contains("no-such-model", error.Message);
    }

    [Fact]
    public async Task The_models_list_names_every_routable_model()
    {
        var models = await JsonAsync(await Admin.GetAsync("/v1/models", Ct));
        var ids = models.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("gpt-4o-mini", ids);
        Assert.Contains("claude-sonnet-4-5", ids);
        Assert.Contains("offline-1", ids);
    }

    [Fact]
    public async Task Repeated_v1_calls_are_cached_unless_the_request_says_no_cache()
    {
        const string body = """{"model":"gpt-4o-mini","messages":[{"role":"user","content":"cache via v1"}]}""";
        async Task<string> CallAsync(bool noCache)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (noCache)
            {
                request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
            }
            var response = await Admin.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.GetValues("x-platform-cache").Single();
        }
        Assert.Equal("miss", await CallAsync(noCache: false));
        Assert.Equal("hit", await CallAsync(noCache: false));
        Assert.Equal(1, Fake.RequestCount);
        Assert.Equal("miss", await CallAsync(noCache: true));
        Assert.Equal(2, Fake.RequestCount);
    }

    [Fact]
    public async Task A_tool_message_is_a_400_naming_its_role_before_any_provider_call()
    {
        const string body = """{"model":"gpt-4o-mini","messages":[{"role":"tool","content":"42"},{"role":"user","content":"hi"}]}""";
        var response = await Admin.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = SseReader.Json(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("messages[0].role", problem.GetProperty("error").GetProperty("param").GetString());
        Assert.Equal(0, Fake.RequestCount);
    }

    private Task<HttpResponseMessage> StreamV1Async(string prompt)
    {
        var body = $$"""{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"{{prompt}}"}]}""";
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return Admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
    }

    [Fact]
    public async Task V1_needs_a_platform_key()
    {
        var response = await Factory.CreateClient(apiKey: null).PostAsync("/v1/chat/completions", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
