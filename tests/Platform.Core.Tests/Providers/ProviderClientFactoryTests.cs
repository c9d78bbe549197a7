using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Testing.FakeLlm;

namespace Platform.Core.Tests.Providers;

public sealed class ProviderClientFactoryTests : IClassFixture<FakeLlmServer>, IDisposable
{
    private readonly FakeLlmServer _fake;
    private readonly ProviderClientFactory _factory = new(TimeProvider.System);

    public ProviderClientFactoryTests(FakeLlmServer fake)
    {
        _fake = fake;
        _fake.Reset();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void An_unknown_type_names_the_config_key_and_the_valid_types()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _factory.Create("mine", new ProviderOptions { Type = "openia" }));

        Assert.Contains("Llm:Providers:mine:Type", error.Message);
        Assert.All(ProviderTypes.All, type => Assert.Contains(type, error.Message));
    }

    [Fact]
    public void An_openai_compatible_provider_without_base_url_names_the_config_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            _factory.Create("ollama", new ProviderOptions { Type = ProviderTypes.OpenAICompatible }));

        Assert.Contains("Llm:Providers:ollama:BaseUrl", error.Message);
    }

    [Theory]
    [InlineData(ProviderTypes.Offline, null, null, true)]
    [InlineData(ProviderTypes.OpenAI, null, null, false)]
    [InlineData(ProviderTypes.OpenAI, "sk-1", null, true)]
    [InlineData(ProviderTypes.Anthropic, "", null, false)]
    [InlineData(ProviderTypes.Anthropic, "k", null, true)]
    [InlineData(ProviderTypes.Gemini, "k", null, true)]
    [InlineData(ProviderTypes.OpenAICompatible, null, "http://localhost:11434/v1", true)]
    [InlineData(ProviderTypes.OpenAICompatible, "k", null, false)]
    [InlineData("nonsense", "k", "http://x", false)]
    public void Is_configured_needs_what_each_type_needs(string type, string? apiKey, string? baseUrl, bool expected) =>
        Assert.Equal(expected, ProviderClientFactory.IsConfigured(new ProviderOptions { Type = type, ApiKey = apiKey, BaseUrl = baseUrl }));

    [Fact]
    public void Each_type_gets_its_client_and_gemini_its_default_endpoint()
    {
        Assert.IsType<OfflineChatClient>(_factory.Create("offline", new ProviderOptions { Type = "Offline" }));
        Assert.IsType<ProviderErrorMapping>(_factory.Create("claude", new ProviderOptions { Type = ProviderTypes.Anthropic, ApiKey = "k" }));
        var gemini = _factory.Create("gemini", new ProviderOptions { Type = ProviderTypes.Gemini, ApiKey = "k" });

        Assert.Equal(new Uri(ProviderClientFactory.GeminiBaseUrl), gemini.GetService<ChatClientMetadata>()?.ProviderUri);
    }

    [Fact]
    public async Task An_openai_compatible_provider_without_a_key_reaches_its_server()
    {
        _fake.Reply = "from the local model";
        var client = _factory.Create("local", new ProviderOptions
        {
            Type = ProviderTypes.OpenAICompatible, BaseUrl = _fake.OpenAIBaseUrl, DefaultModel = "llama3", ApiKey = null,
        });
        _fake.ApiKey = "no-key"; // what the adapter sends when none is configured, since the SDK insists on one

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("from the local model", response.Text);
        Assert.Equal("llama3", _fake.LastRequest.Model);
    }

    [Fact]
    public async Task An_anthropic_provider_from_the_factory_talks_to_its_server()
    {
        var client = _factory.Create("claude", new ProviderOptions
        {
            Type = ProviderTypes.Anthropic, BaseUrl = _fake.BaseUrl, ApiKey = FakeLlmServer.DefaultApiKey, DefaultModel = "claude-haiku-4-5",
        });

        var response = await client.GetResponseAsync("hello", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Echo: hello", response.Text);
        Assert.Equal(FakeLlmApi.AnthropicMessages, _fake.LastRequest.Api);
    }

    [Fact]
    public void A_disposed_factory_refuses_to_create_network_clients()
    {
        _factory.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _factory.Create("o", new ProviderOptions { Type = ProviderTypes.OpenAI, ApiKey = "k" }));
    }
}
