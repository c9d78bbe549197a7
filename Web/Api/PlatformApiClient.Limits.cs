namespace Platform.Web.Api;

/// <summary>Rate limits and budgets (admin keys only).</summary>
public sealed partial class PlatformApiClient
{
    /// <summary>A value out of range is answered 400 naming the field.</summary>
    public Task<ApiUserInfo> SetUserLimitsAsync(Guid userId, ApiUserLimits limits, CancellationToken ct = default) =>
        SendJsonAsync<ApiUserInfo>(HttpMethod.Put, $"api/users/{userId}/limits", limits, ct);

    public Task<ApiKeyInfo> SetKeyLimitsAsync(Guid keyId, ApiKeyLimits limits, CancellationToken ct = default) =>
        SendJsonAsync<ApiKeyInfo>(HttpMethod.Put, $"api/keys/{keyId}/limits", limits, ct);

    public Task<ApiUserUsageReport> GetUserUsageAsync(Guid userId, CancellationToken ct = default) =>
        SendJsonAsync<ApiUserUsageReport>(HttpMethod.Get, $"api/users/{userId}/usage", null, ct);
}
