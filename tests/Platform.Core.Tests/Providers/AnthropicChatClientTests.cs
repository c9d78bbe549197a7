using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Testing.FakeLlm;

namespace Platform.Core.Tests.Providers;

/// <summary>The Anthropic SDK's own IChatClient behind our error mapping, against the fake's messages API.</summary>
public sealed class AnthropicChatClientTests : IClassFixture<FakeLlmServer>, IDisposable
{
    private readonly FakeLlmServer _fake;
    private readonly HttpClient _http = new();
    private readonly IChatClient _client;

    public AnthropicChatClientTests(FakeLlmServer fake)
    {
        _fake = fake;
        _fake.Reset();
        _client = AnthropicChatClientFactory.Create("claude-main", new ProviderOptions
        {
            Type = ProviderTypes.Anthropic, ApiKey = FakeLlmServer.DefaultApiKey, BaseUrl = fake.BaseUrl, DefaultModel = "claude-haiku-4-5",
        }, _http);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_plain_call_returns_the_answer_model_usage_and_finish_reason()
    {
        _fake.Reply = "Bonjour tout le monde";
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Speak French."), new ChatMessage(ChatRole.User, "Say hello")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Bonjour tout le monde", response.Text);
        Assert.Equal("claude-haiku-4-5", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(4, response.Usage?.InputTokenCount);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
        Assert.Equal(["system", "user"], _fake.LastRequest.Messages.Select(m => m.Role));
    }

    [Fact]
    public async Task Max_tokens_defaults_to_1024_and_the_callers_value_wins()
    {
        await _client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(AnthropicChatClientFactory.DefaultMaxOutputTokens, _fake.LastRequest.MaxTokens);

        var response = await _client.GetResponseAsync("hi", new ChatOptions { MaxOutputTokens = 1, ModelId = "claude-sonnet-4-5" },
            TestContext.Current.CancellationToken);
        Assert.Equal(1, _fake.LastRequest.MaxTokens);
        Assert.Equal("claude-sonnet-4-5", _fake.LastRequest.Model);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public async Task Streaming_yields_the_text_then_the_finish_reason_and_usage()
    {
        _fake.Reply = "one two three";
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _client.GetStreamingResponseAsync("count to three", cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal(["one", " two", " three"], updates.Select(u => u.Text).Where(t => t.Length > 0));
        var combined = updates.ToChatResponse();
        Assert.Equal(ChatFinishReason.Stop, combined.FinishReason);
        Assert.Equal(3, combined.Usage?.InputTokenCount);
        Assert.Equal(3, combined.Usage?.OutputTokenCount);
        Assert.All(updates, u => Assert.Equal("claude-haiku-4-5", u.ModelId));
    }

    [Fact]
    public void Metadata_carries_the_configured_provider_name_and_default_model()
    {
        var metadata = _client.GetService<ChatClientMetadata>();

        Assert.Equal("claude-main", metadata?.ProviderName);
        Assert.Equal("claude-haiku-4-5", metadata?.DefaultModelId);
    }
}
