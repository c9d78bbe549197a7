using System.Runtime.CompilerServices;

namespace Platform.Web.Api;

/// <summary>The LLM gateway: providers, response cache, chat.</summary>
public sealed partial class PlatformApiClient
{
    /// <summary>The named HttpClient for chat calls: see Extensions.AddApiClient for why it has its own timeouts.</summary>
    public const string ChatClientName = "platform-api-chat";

    public Task<List<ApiProvider>> GetProvidersAsync(CancellationToken ct = default) =>
        SendJsonAsync<List<ApiProvider>>(HttpMethod.Get, "api/llm/providers", null, ct);

    /// <summary>Admin keys only: a member's key is answered 403.</summary>
    public Task<ApiCircuitReset> ResetCircuitAsync(string provider, CancellationToken ct = default) =>
        SendJsonAsync<ApiCircuitReset>(HttpMethod.Post, $"api/llm/providers/{Uri.EscapeDataString(provider)}/circuit-breaker/reset", null, ct);

    /// <summary>Closes one model's circuit on a provider. Admin keys only.</summary>
    public Task<ApiCircuitReset> ResetModelCircuitAsync(string provider, string model, CancellationToken ct = default) =>
        SendJsonAsync<ApiCircuitReset>(HttpMethod.Post,
            $"api/llm/providers/{Uri.EscapeDataString(provider)}/models/{Uri.EscapeDataString(model)}/circuit-breaker/reset", null, ct);

    public Task<ApiCacheStats> GetCacheStatsAsync(CancellationToken ct = default) =>
        SendJsonAsync<ApiCacheStats>(HttpMethod.Get, "api/llm/cache/stats", null, ct);

    /// <summary>Admin keys only.</summary>
    public async Task ClearCacheAsync(CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "api/llm/cache");
        using var response = await SendAsync(http, request, await CurrentApiKeyAsync(), ct);
    }

    public Task<ApiChatResponse> ChatAsync(ApiChatRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ApiChatResponse>(HttpMethod.Post, "api/llm/chat", request with { Stream = false }, ct, clients.CreateClient(ChatClientName));

    /// <summary>
    /// Streams an answer as the Api's server-sent events arrive. A failure before the first chunk, or an "error"
    /// event after it, is thrown as a <see cref="PlatformApiException"/>.
    /// </summary>
    public async IAsyncEnumerable<ChatStreamUpdate> StreamChatAsync(ApiChatRequest request, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var client = clients.CreateClient(ChatClientName);
        using var message = new HttpRequestMessage(HttpMethod.Post, "api/llm/chat")
        {
            Content = JsonContent.Create(request with { Stream = true }, options: JsonOptions),
        };
        using var response = await SendAsync(client, message, await CurrentApiKeyAsync(), ct);
        await using var body = await ReadBodyAsync(response, client.BaseAddress, ct);
        await foreach (var update in ChatStreamReader.ReadUpdatesAsync(body, ct))
        {
            yield return update;
        }
    }

    private static async Task<Stream> ReadBodyAsync(HttpResponseMessage response, Uri? baseAddress, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsStreamAsync(ct);
        }
        catch (HttpRequestException ex)
        {
            throw PlatformApiException.Unreachable(baseAddress, ex);
        }
    }
}
