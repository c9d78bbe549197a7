namespace Platform.Web.Api;

/// <summary>Users and their API keys (admin keys only; others are answered 403).</summary>
public sealed partial class PlatformApiClient
{
    public Task<List<ApiUserInfo>> GetUsersAsync(CancellationToken ct = default) =>
        SendJsonAsync<List<ApiUserInfo>>(HttpMethod.Get, "api/users", null, ct);

    public Task<ApiUserInfo> GetUserAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiUserInfo>(HttpMethod.Get, $"api/users/{id}", null, ct);

    /// <summary>A taken email is answered 409; an invalid field 400 naming it.</summary>
    public Task<ApiUserInfo> CreateUserAsync(ApiCreateUserRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ApiUserInfo>(HttpMethod.Post, "api/users", request, ct);

    /// <summary>Demoting the last admin is answered 409.</summary>
    public Task<ApiUserInfo> UpdateUserAsync(Guid id, ApiUpdateUserRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ApiUserInfo>(HttpMethod.Patch, $"api/users/{id}", request, ct);

    /// <summary>Disabling the last admin is answered 409.</summary>
    public Task<ApiUserInfo> DisableUserAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiUserInfo>(HttpMethod.Post, $"api/users/{id}/disable", null, ct);

    public Task<ApiUserInfo> EnableUserAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiUserInfo>(HttpMethod.Post, $"api/users/{id}/enable", null, ct);

    /// <summary>Deleting the last admin, or yourself, is answered 409.</summary>
    public Task DeleteUserAsync(Guid id, CancellationToken ct = default) =>
        SendWithoutBodyAsync(HttpMethod.Delete, $"api/users/{id}", ct);

    public Task<List<ApiKeyInfo>> GetKeysAsync(Guid userId, CancellationToken ct = default) =>
        SendJsonAsync<List<ApiKeyInfo>>(HttpMethod.Get, $"api/users/{userId}/keys", null, ct);

    public Task<ApiCreatedKey> CreateKeyAsync(Guid userId, ApiCreateKeyRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ApiCreatedKey>(HttpMethod.Post, $"api/users/{userId}/keys", request, ct);

    public Task RevokeKeyAsync(Guid keyId, CancellationToken ct = default) =>
        SendWithoutBodyAsync(HttpMethod.Delete, $"api/keys/{keyId}", ct);

    /// <summary>For answers that carry no body (204).</summary>
    private async Task SendWithoutBodyAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await SendAsync(http, request, await CurrentApiKeyAsync(), ct);
    }
}
