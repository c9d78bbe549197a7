using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Interactions;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>
/// The Api wired to a fake provider server over real HTTP: "fakeopenai" (OpenAI wire format, models gpt-4o and
/// gpt-4o-mini, gpt-4o falling back to claude-sonnet-4-5) and "fakeanthropic" (Anthropic wire format).
/// </summary>
public abstract class GatewayTestBase(FakeLlmServer fake) : IAsyncLifetime
{
    protected FakeLlmServer Fake => fake;
    protected ApiFactory Factory { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual IDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Llm:DefaultModel"] = "gpt-4o-mini",
        ["Llm:Providers:fakeopenai:Type"] = "openai",
        ["Llm:Providers:fakeopenai:BaseUrl"] = fake.OpenAIBaseUrl,
        ["Llm:Providers:fakeopenai:ApiKey"] = FakeLlmServer.DefaultApiKey,
        ["Llm:Providers:fakeopenai:Models:0"] = "gpt-4o-mini",
        ["Llm:Providers:fakeopenai:Models:1"] = "gpt-4o",
        ["Llm:Providers:fakeopenai:TimeoutSeconds"] = "5",
        ["Llm:Providers:fakeanthropic:Type"] = "anthropic",
        ["Llm:Providers:fakeanthropic:BaseUrl"] = fake.BaseUrl,
        ["Llm:Providers:fakeanthropic:ApiKey"] = FakeLlmServer.DefaultApiKey,
        ["Llm:Providers:fakeanthropic:Models:0"] = "claude-sonnet-4-5",
        ["Llm:Fallbacks:gpt-4o:0"] = "claude-sonnet-4-5",
        ["Llm:Resilience:MaxRetries"] = "2",
        ["Llm:Resilience:BaseDelayMilliseconds"] = "10",
        ["Llm:Resilience:BreakerMinimumThroughput"] = "3",
        ["Llm:Resilience:BreakerFailureRatio"] = "0.5",
        ["Llm:Resilience:BreakerBreakSeconds"] = "60",
    };

    /// <summary>True to run the Api on Kestrel (real HTTP) rather than the in-memory test server.</summary>
    protected virtual bool RealHttp => false;

    public ValueTask InitializeAsync()
    {
        fake.Reset();
        Factory = new ApiFactory(connectionString: null, settings: Settings().AsReadOnly());
        if (RealHttp)
        {
            Factory.UseKestrel(0);
            Factory.StartServer();
        }
        Admin = Factory.CreateClient(ApiFactory.AdminKey);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected Task<HttpResponseMessage> ChatAsync(object body, HttpClient? client = null) =>
        (client ?? Admin).PostAsJsonAsync("/api/llm/chat", body, Ct);

    protected static object Ask(string text, string? model = null, bool useCache = false, bool stream = false) =>
        new { messages = new[] { new { role = "user", content = text } }, model, useCache, stream };

    /// <summary>Interactions are written off the request path: wait (bounded) until the writer has stored it.</summary>
    protected Task<Interaction> InteractionAsync(Guid id) =>
        StoredInteractions.WaitAsync(Factory.Services, id, TimeSpan.FromSeconds(10), Ct);

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
}
