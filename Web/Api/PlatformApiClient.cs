using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Platform.Web.Auth;
using Polly;

namespace Platform.Web.Api;

/// <summary>
/// Typed client for the platform Api. Calls act as the signed-in user: their API key comes from the auth state,
/// because HttpContext is not available inside interactive server components.
/// </summary>
public sealed class PlatformApiClient(HttpClient http, AuthenticationStateProvider authState)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

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
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw PlatformApiException.Unreachable(http.BaseAddress, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode && response.StatusCode != alsoAccepted)
            {
                throw await PlatformApiException.FromResponseAsync(response, ct);
            }

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
}
