using System.Globalization;

namespace Platform.Web.Api;

/// <summary>Behavioural analytics of end users, and the LLM calls made for one of them (for their timeline).</summary>
public sealed partial class PlatformApiClient
{
    public Task<ApiUserAnalytics> GetUserAnalyticsAsync(UserAnalyticsQuery query, CancellationToken ct = default) =>
        SendJsonAsync<ApiUserAnalytics>(HttpMethod.Get, WithQuery($"api/analytics/users/{Uri.EscapeDataString(query.UserId)}",
            ("sessionId", query.SessionId), ("from", IsoTime(query.From)), ("to", IsoTime(query.To)),
            ("fresh", query.Fresh ? "true" : null)), null, ct);

    public Task<ApiAnalyticsOverview> GetAnalyticsOverviewAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default) =>
        SendJsonAsync<ApiAnalyticsOverview>(HttpMethod.Get, WithQuery("api/analytics/overview",
            ("from", IsoTime(from)), ("to", IsoTime(to))), null, ct);

    /// <summary>The newest interactions made for the product's end user <paramref name="endUserId"/> (not the key's owner).</summary>
    public Task<ApiPage<ApiEndUserInteraction>> GetEndUserInteractionsAsync(
        string endUserId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken ct = default) =>
        SendJsonAsync<ApiPage<ApiEndUserInteraction>>(HttpMethod.Get, WithQuery("api/interactions",
            ("endUserId", endUserId), ("from", IsoTime(from)), ("to", IsoTime(to)),
            ("limit", limit.ToString(CultureInfo.InvariantCulture))), null, ct);
}
