using System.Globalization;

namespace Platform.Web.Api;

/// <summary>UI contracts: versions of an end user's contract, generation (sync or queued), diffs and the breaker (admin).</summary>
public sealed partial class PlatformApiClient
{
    public const string ContractPathHeader = "X-Contract-Path";
    public const string ContractFallbackHeader = "X-Contract-Fallback";

    /// <summary>Newest version first.</summary>
    public Task<ApiContractList> GetContractsAsync(string userId, int limit, CancellationToken ct = default) =>
        SendJsonAsync<ApiContractList>(HttpMethod.Get, WithQuery("api/contracts",
            ("userId", userId), ("limit", limit.ToString(CultureInfo.InvariantCulture))), null, ct);

    public Task<ApiContract> GetContractAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiContract>(HttpMethod.Get, $"api/contracts/{id}", null, ct);

    /// <summary>What changed from <paramref name="fromId"/> to <paramref name="toId"/>, with the explanation of the latter.</summary>
    public Task<ApiContractDiff> GetContractDiffAsync(Guid fromId, Guid toId, CancellationToken ct = default) =>
        SendJsonAsync<ApiContractDiff>(HttpMethod.Get, $"api/contracts/{fromId}/diff/{toId}", null, ct);

    /// <summary>
    /// Generates and stores the next version now. The path and any fallback come in headers, so this reads them beside
    /// the body; a 503 (breaker open and no fallback possible) is thrown like any other refusal.
    /// </summary>
    public async Task<ApiContractGenerated> GenerateContractAsync(ContractGenerateRequest body, CancellationToken ct = default)
    {
        const string path = "api/contracts/generate";
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body, options: JsonOptions),
        };
        // Generation waits for a model: the chat client's long timeouts, and a POST is never retried.
        using var response = await SendAsync(clients.CreateClient(ChatClientName), request, await CurrentApiKeyAsync(), ct);
        var contract = await ReadAsync<ApiContract>(response, path, ct);
        return new ApiContractGenerated(contract, Header(response, ContractPathHeader), Header(response, ContractFallbackHeader),
            response.Headers.RetryAfter?.Delta);
    }

    /// <summary>Queues a generation for the Worker; its progress is read with <see cref="GetJobAsync"/>.</summary>
    public Task<ApiContractJobAccepted> QueueContractGenerationAsync(ContractGenerateRequest body, CancellationToken ct = default) =>
        SendJsonAsync<ApiContractJobAccepted>(HttpMethod.Post, "api/contracts/generate-async", body, ct);

    public Task<ApiContractBreaker> GetContractBreakerAsync(CancellationToken ct = default) =>
        SendJsonAsync<ApiContractBreaker>(HttpMethod.Get, "api/contracts/circuit-breaker", null, ct);

    public Task<ApiContractBreaker> ResetContractBreakerAsync(CancellationToken ct = default) =>
        SendJsonAsync<ApiContractBreaker>(HttpMethod.Post, "api/contracts/circuit-breaker/reset", null, ct);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
