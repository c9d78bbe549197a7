namespace Platform.Core.Alerts;

/// <summary>
/// One period during which a rule's value was over its threshold. At most one firing per rule is open
/// (<see cref="ResolvedAt"/> null): a unique partial index makes opening it the atomic claim between Worker replicas.
/// </summary>
public sealed class AlertFiring
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RuleId { get; set; }
    public required string RuleName { get; set; }
    public required string Kind { get; set; }
    public double Threshold { get; set; }

    /// <summary>The value that opened the firing.</summary>
    public double ObservedValue { get; set; }

    /// <summary>The value at the latest evaluation while open (or when it resolved).</summary>
    public double? LastValue { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }

    public string? WebhookUrl { get; set; }

    /// <summary>One of <see cref="WebhookDelivery"/>.</summary>
    public string DeliveryStatus { get; set; } = WebhookDelivery.None;
    public int DeliveryAttempts { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? LastDeliveryError { get; set; }
}

public static class WebhookDelivery
{
    /// <summary>The rule has no webhook.</summary>
    public const string None = "none";
    public const string Pending = "pending";
    /// <summary>Claimed by one Worker, which is posting it now.</summary>
    public const string Sending = "sending";
    public const string Delivered = "delivered";
    /// <summary>The last attempt failed; retried at the next evaluations until the attempts run out.</summary>
    public const string Failed = "failed";
}
