namespace Platform.Core.Events;

/// <summary>
/// One behavioural event from a product's UI (PostHog's "event"): what an end user did or saw, on which component
/// and page. The analytics engine turns a user's events into pain points; the UI contract optimizer reads those.
/// </summary>
public sealed class ProductEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The product's own id for its end user (not a platform user): required on every event.</summary>
    public required string UserId { get; set; }
    public string? SessionId { get; set; }

    /// <summary>view, pageview, pageleave, tap, click, scroll, input, submit, success, error, conversion, dwell, or a custom lowercase name.</summary>
    public required string EventType { get; set; }
    public string? ComponentId { get; set; }
    public string? Page { get; set; }
    public string? PageUrl { get; set; }
    public string? TargetUrl { get; set; }
    public string? Query { get; set; }
    public string? Message { get; set; }
    public double? DurationMs { get; set; }
    public double? X { get; set; }
    public double? Y { get; set; }

    /// <summary>The caller's extra properties, a JSON object kept as text so both providers store it the same way.</summary>
    public string? ExtraJson { get; set; }

    /// <summary>The client's clock: the order of a user's events. Falls back to <see cref="ReceivedAt"/> when absent.</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>The server's clock when the event was accepted.</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>The platform user whose key sent the event (an ingest key's owner).</summary>
    public Guid? OwnerUserId { get; set; }
}
