namespace Platform.Core.Analytics;

/// <summary>Which events to analyse: one user, optionally one session, optionally a window [From, To).</summary>
public sealed record AnalyticsQuery(string UserId, string? SessionId = null, DateTime? From = null, DateTime? To = null)
{
    public const string KeyPrefix = "llm:analytics:";

    /// <summary>
    /// <c>llm:analytics:{userId}</c> for all of a user's events; a session or window adds its own suffix. Ids are
    /// escaped (an id with a ':' stays one segment), so no user's key can equal another's variant.
    /// </summary>
    public string CacheKey()
    {
        var key = KeyPrefix + Uri.EscapeDataString(UserId);
        if (SessionId is null && From is null && To is null)
        {
            return key;
        }
        return $"{key}:{(SessionId is null ? "*" : Uri.EscapeDataString(SessionId))}:{Ticks(From)}:{Ticks(To)}";
    }

    private static string Ticks(DateTime? time) => time is { } t ? t.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "*";
}
