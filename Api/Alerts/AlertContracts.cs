using Platform.Core.Alerts;

namespace Platform.Api.Alerts;

/// <summary>
/// A new alert rule. threshold: percent for failure_rate, USD for daily_cost, milliseconds for p95_latency.
/// windowMinutes (default 5) applies to failure_rate and p95_latency; minSamples (default 10) is the fewest finished
/// interactions in the window for those two to fire.
/// </summary>
public sealed record CreateAlertRuleRequest(
    string? Name, string? Kind, double? Threshold, int? WindowMinutes = null, int? MinSamples = null,
    string? Model = null, string? Type = null, string? WebhookUrl = null, bool? Enabled = null)
{
    public AlertRuleSettings ToSettings() => new()
    {
        Name = Name, Kind = Kind, Threshold = Threshold, WindowMinutes = WindowMinutes, MinSamples = MinSamples,
        Model = Model, Type = Type, WebhookUrl = WebhookUrl, Enabled = Enabled,
    };
}

/// <summary>A rule with where it comes from (config | api), its state (ok | firing | disabled) and its latest firing.</summary>
public sealed record AlertRuleResponse(
    Guid Id, string Name, string Kind, double Threshold, int WindowMinutes, int MinSamples, string? Model, string? Type,
    string? WebhookUrl, bool Enabled, string Source, string State, DateTime? CreatedAt, AlertFiringResponse? LastFiring)
{
    public static AlertRuleResponse From(AlertRule rule, AlertFiring? last) => new(
        rule.Id, rule.Name, rule.Kind, rule.Threshold, rule.WindowMinutes, rule.MinSamples, rule.Model, rule.Type,
        rule.WebhookUrl, rule.Enabled, rule.FromConfiguration ? "config" : "api",
        !rule.Enabled ? "disabled" : last is { ResolvedAt: null } ? "firing" : "ok",
        rule.FromConfiguration ? null : rule.CreatedAt, last is null ? null : AlertFiringResponse.From(last));
}

public sealed record AlertFiringResponse(
    Guid Id, Guid RuleId, string Rule, string Kind, double Threshold, double ObservedValue, double? LastValue,
    DateTime StartedAt, DateTime? ResolvedAt, string DeliveryStatus, int DeliveryAttempts, DateTime? DeliveredAt, string? LastDeliveryError)
{
    public static AlertFiringResponse From(AlertFiring f) => new(
        f.Id, f.RuleId, f.RuleName, f.Kind, f.Threshold, f.ObservedValue, f.LastValue, f.StartedAt, f.ResolvedAt,
        f.DeliveryStatus, f.DeliveryAttempts, f.DeliveredAt, f.LastDeliveryError);
}
