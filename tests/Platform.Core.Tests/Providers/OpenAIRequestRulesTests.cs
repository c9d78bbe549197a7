using System.Text.Json;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Testing.FakeLlm;

namespace Platform.Core.Tests.Providers;

/// <summary>What the gateway adds to the SDK adapter for OpenAI-style servers: roles they understand, and refusals as answers.</summary>
public sealed class OpenAIRequestRulesTests : IClassFixture<FakeLlmServer>, IDisposable
{
    private readonly FakeLlmServer _fake;
    private readonly ProviderClientFactory _factory = new(TimeProvider.System);

    public OpenAIRequestRulesTests(FakeLlmServer fake)
    {
        _fake = fake;
        _fake.Reset();
    }

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(ProviderTypes.OpenAICompatible, "system")]
    [InlineData(ProviderTypes.Gemini, "system")]
    [InlineData(ProviderTypes.OpenAI, "developer")]
    public async Task A_developer_message_reaches_openai_as_developer_and_imitators_as_system(string type, string sentAs)
    {
        await Client(type).GetResponseAsync(
            [new ChatMessage(new ChatRole("developer"), "Be brief."), new ChatMessage(ChatRole.User, "hi")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([sentAs, "user"], SentRoles());
    }

    [Fact]
    public async Task A_role_the_gateway_cannot_send_is_an_argument_error_naming_it_before_any_request()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(ProviderTypes.OpenAI).GetResponseAsync(
            [new ChatMessage(ChatRole.Tool, "42"), new ChatMessage(ChatRole.User, "hi")],
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("'tool'", error.Message);
        Assert.Equal(0, _fake.RequestCount);
    }

    [Fact]
    public async Task A_refusal_is_the_answer()
    {
        _fake.Refusal = "I cannot help with that.";

        var response = await Client(ProviderTypes.OpenAI).GetResponseAsync("how do I pick a lock", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("I cannot help with that.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task A_streamed_refusal_is_the_answer()
    {
        _fake.Refusal = "I cannot help with that.";
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in Client(ProviderTypes.OpenAI).GetStreamingResponseAsync("how do I pick a lock",
                           cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal("I cannot help with that.", updates.ToChatResponse().Text);
    }

    private IChatClient Client(string type) => _factory.Create("p", new ProviderOptions
    {
        Type = type, ApiKey = FakeLlmServer.DefaultApiKey, BaseUrl = _fake.OpenAIBaseUrl, DefaultModel = "gpt-4o-mini",
    });

    private List<string?> SentRoles()
    {
        using var body = JsonDocument.Parse(_fake.LastRequest.Body);
        return body.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToList();
    }
}
