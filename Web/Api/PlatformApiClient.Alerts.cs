namespace Platform.Web.Api;

/// <summary>Alert rules and firings (admin keys only; others are answered 403).</summary>
public sealed partial class PlatformApiClient
{
    public Task<List<ApiAlertRule>> GetAlertRulesAsync(CancellationToken ct = default) =>
        SendJsonAsync<List<ApiAlertRule>>(HttpMethod.Get, "api/alerts", null, ct);

    /// <summary>An invalid field is answered 400 naming it; a taken name 409.</summary>
    public Task<ApiAlertRule> CreateAlertRuleAsync(ApiCreateAlertRuleRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ApiAlertRule>(HttpMethod.Post, "api/alerts", request, ct);

    /// <summary>A rule from configuration is answered 409.</summary>
    public Task DeleteAlertRuleAsync(Guid id, CancellationToken ct = default) =>
        SendWithoutBodyAsync(HttpMethod.Delete, $"api/alerts/{id}", ct);

    public Task<List<ApiAlertFiring>> GetAlertFiringsAsync(int limit, CancellationToken ct = default) =>
        SendJsonAsync<List<ApiAlertFiring>>(HttpMethod.Get, $"api/alerts/firings?limit={limit}", null, ct);
}
