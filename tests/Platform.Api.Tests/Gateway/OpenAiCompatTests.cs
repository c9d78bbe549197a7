using System.ClientModel;
using System.Net;
using System.Text;
using OpenAI;
using OpenAI.Chat;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>The official OpenAI .NET SDK, over real HTTP (Kestrel), pointed at the platform's /v1.</summary>
public sealed class OpenAiCompatTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
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
    public async Task V1_needs_a_platform_key()
    {
        var response = await Factory.CreateClient(apiKey: null).PostAsync("/v1/chat/completions", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
