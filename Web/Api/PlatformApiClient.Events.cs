using System.Globalization;

namespace Platform.Web.Api;

/// <summary>Product events as stored: the raw material of the analytics.</summary>
public sealed partial class PlatformApiClient
{
    public Task<ApiPage<ApiProductEvent>> GetEventsAsync(EventQuery query, CancellationToken ct = default) =>
        SendJsonAsync<ApiPage<ApiProductEvent>>(HttpMethod.Get, WithQuery("api/events",
            ("userId", query.UserId), ("sessionId", query.SessionId), ("eventType", query.EventType),
            ("from", IsoTime(query.From)), ("to", IsoTime(query.To)),
            ("limit", query.Limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", query.Cursor)), null, ct);

    /// <summary>
    /// The end users who sent the newest <paramref name="scanned"/> events, most recent first: the suggestions of the
    /// pages that pick an end user.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetRecentEndUsersAsync(int scanned, CancellationToken ct = default)
    {
        var page = await GetEventsAsync(new EventQuery(Limit: scanned), ct);
        return page.Items.Select(e => e.UserId).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>ISO 8601 in UTC, the form every Api time filter reads.</summary>
    private static string? IsoTime(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
