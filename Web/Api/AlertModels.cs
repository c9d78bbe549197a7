namespace Platform.Web.Api;

// Alerts (/api/alerts, admin): rules the Worker evaluates every minute, and their firings.

/// <summary><paramref name="Source"/>: config | api (only api rules can be deleted); <paramref name="State"/>: ok | firing | disabled.</summary>
public sealed record ApiAlertRule(
    Guid Id, string Name, string Kind, double Threshold, int WindowMinutes, int MinSamples, string? Model, string? Type,
    string? WebhookUrl, bool Enabled, string Source, string State, DateTime? CreatedAt, ApiAlertFiring? LastFiring);

/// <summary><paramref name="DeliveryStatus"/> is the webhook's: e.g. pending, delivered, failed, or none without a webhook.</summary>
public sealed record ApiAlertFiring(
    Guid Id, Guid RuleId, string Rule, string Kind, double Threshold, double ObservedValue, double? LastValue,
    DateTime StartedAt, DateTime? ResolvedAt, string DeliveryStatus, int DeliveryAttempts, DateTime? DeliveredAt, string? LastDeliveryError);

/// <summary>
/// A new rule. Threshold: percent for failure_rate, USD for daily_cost, milliseconds for p95_latency. Nulls are left
/// out, so the Api's defaults apply (and a missing required field is its 400).
/// </summary>
public sealed record ApiCreateAlertRuleRequest(
    string? Name, string? Kind, double? Threshold, int? WindowMinutes = null, int? MinSamples = null,
    string? Model = null, string? Type = null, string? WebhookUrl = null, bool? Enabled = null);
