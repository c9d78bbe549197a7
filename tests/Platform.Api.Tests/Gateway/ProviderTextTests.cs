using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Interactions;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>A provider that answers with a NUL: the caller gets its answer and PostgreSQL still stores the interaction.</summary>
public sealed class ProviderTextTests(PostgresServer postgres, FakeLlmServer fake) : IAsyncLifetime, IClassFixture<FakeLlmServer>
{
    private ApiFactory _factory = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        postgres.EnsureAvailable();
        fake.Reset();
        _factory = new ApiFactory(await postgres.CreateDatabaseAsync("providertext"), new Dictionary<string, string>
        {
            ["Llm:DefaultModel"] = "gpt-4o-mini",
            ["Llm:Providers:fakeopenai:Type"] = "openai",
            ["Llm:Providers:fakeopenai:BaseUrl"] = fake.OpenAIBaseUrl,
            ["Llm:Providers:fakeopenai:ApiKey"] = FakeLlmServer.DefaultApiKey,
            ["Llm:Providers:fakeopenai:Models:0"] = "gpt-4o-mini",
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_nul_in_a_provider_answer_is_stored_as_a_replacement_character(bool stream)
    {
        fake.Reply = "before\0after";
        var admin = _factory.CreateClient(ApiFactory.AdminKey);
        var response = await admin.PostAsJsonAsync("/api/llm/chat",
            new { messages = new[] { new { role = "user", content = $"nul please {stream}" } }, useCache = false, stream }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = stream
            ? SseReader.Json((await SseReader.ReadAllAsync(response, Ct)).Single(e => e.Event == "done").Data)
            : JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var id = answer.GetProperty("interactionId").GetGuid();

        var stored = await StoredAsync(id);
        Assert.Equal(InteractionStatus.Completed, stored.Status);
        Assert.Equal("before\uFFFDafter", stored.Response);
    }

    /// <summary>The record is written off the request path: wait for it, with a generous deadline.</summary>
    private Task<Interaction> StoredAsync(Guid id) => StoredInteractions.WaitAsync(_factory.Services, id, TimeSpan.FromSeconds(30), Ct);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
