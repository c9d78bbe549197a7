using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.Authorization;
using Platform.Web.Auth;
using Polly;

namespace Platform.Web.Api;

/// <summary>
/// Typed client for the platform Api. Calls act as the signed-in user: their API key comes from the auth state,
/// because HttpContext is not available inside interactive server components.
/// </summary>
public sealed partial class PlatformApiClient(HttpClient http, IHttpClientFactory clients, AuthenticationStateProvider authState)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>Anonymous; an unhealthy Api answers 503 with the same report, which is a result here, not an error.</summary>
    public Task<ApiHealth> GetHealthAsync(CancellationToken ct = default) =>
        GetAsync<ApiHealth>("health", apiKey: null, ct, HttpStatusCode.ServiceUnavailable);

    /// <summary>Takes the key explicitly: at sign-in there is no signed-in user yet.</summary>
    public Task<ApiUser> GetMeAsync(string apiKey, CancellationToken ct = default) =>
        GetAsync<ApiUser>("api/me", apiKey, ct);

    public async Task<ApiStatus> GetStatusAsync(CancellationToken ct = default) =>
        await GetAsync<ApiStatus>("api/status", await CurrentApiKeyAsync(), ct);

    private async Task<string?> CurrentApiKeyAsync()
    {
        var state = await authState.GetAuthenticationStateAsync();
        return state.User.FindFirst(PlatformClaims.ApiKey)?.Value;
    }

    private async Task<T> GetAsync<T>(string path, string? apiKey, CancellationToken ct, HttpStatusCode? alsoAccepted = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(http, request, apiKey, ct, alsoAccepted);
        return await ReadAsync<T>(response, path, ct);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: JsonOptions);
        }

        using var response = await SendAsync(client ?? http, request, await CurrentApiKeyAsync(), ct);
        return await ReadAsync<T>(response, path, ct);
    }

    /// <summary>Sends and returns a successful response (headers only; the body is the caller's to read and dispose).</summary>
    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpRequestMessage request, string? apiKey, CancellationToken ct, HttpStatusCode? alsoAccepted = null)
    {
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw PlatformApiException.Unreachable(client.BaseAddress, ex);
        }

        if (!response.IsSuccessStatusCode && response.StatusCode != alsoAccepted)
        {
            using (response)
            {
                throw await PlatformApiException.FromResponseAsync(response, ct);
            }
        }

        return response;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonOptions, ct)
                   ?? throw new PlatformApiException($"The Api answered {path} with an empty body.", response.StatusCode);
        }
        catch (JsonException ex)
        {
            throw new PlatformApiException($"The Api answered {path} with an unexpected body.", response.StatusCode, ex);
        }
    }
}
