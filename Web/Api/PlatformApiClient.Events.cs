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

    /// <summary>ISO 8601 in UTC, the form every Api time filter reads.</summary>
    private static string? IsoTime(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
