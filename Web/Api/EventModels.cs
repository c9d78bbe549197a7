using System.Text.Json;

namespace Platform.Web.Api;

// Product events (/api/events): what an end user did or saw in the product's UI.

/// <summary><paramref name="Timestamp"/> is the client's clock, <paramref name="ReceivedAt"/> the Api's.</summary>
public sealed record ApiProductEvent(
    Guid Id,
    string UserId,
    string? SessionId,
    string EventType,
    string? ComponentId,
    string? Page,
    string? PageUrl,
    string? TargetUrl,
    string? Query,
    string? Message,
    double? DurationMs,
    double? X,
    double? Y,
    JsonElement? Extra,
    DateTimeOffset Timestamp,
    DateTimeOffset ReceivedAt);

/// <summary>GET /api/events filters; nulls are left out of the query.</summary>
public sealed record EventQuery(
    string? UserId = null,
    string? SessionId = null,
    string? EventType = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int? Limit = null,
    string? Cursor = null);
