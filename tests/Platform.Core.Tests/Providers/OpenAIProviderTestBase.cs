using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Testing.FakeLlm;

namespace Platform.Core.Tests.Providers;

/// <summary>An OpenAI provider client named "openai" (default model gpt-4o-mini) on the fake, reset for each test.</summary>
public abstract class OpenAIProviderTestBase : IClassFixture<FakeLlmServer>, IDisposable
{
    protected OpenAIProviderTestBase(FakeLlmServer fake)
    {
        Fake = fake;
        Fake.Reset();
        Client = Create(fake.OpenAIBaseUrl);
    }

    protected FakeLlmServer Fake { get; }

    protected HttpClient Http { get; } = new();

    protected IChatClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Http.Dispose();
        GC.SuppressFinalize(this);
    }

    protected IChatClient Create(string baseUrl, HttpClient? http = null, string? defaultModel = "gpt-4o-mini") =>
        OpenAIChatClientFactory.Create("openai", new ProviderOptions
        {
            Type = ProviderTypes.OpenAI, ApiKey = FakeLlmServer.DefaultApiKey, BaseUrl = baseUrl, DefaultModel = defaultModel,
        }, http ?? Http);
}
