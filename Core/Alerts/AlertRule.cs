namespace Platform.Core.Alerts;

/// <summary>
/// A threshold watched by the Worker. Rules created through the API are rows of <c>alert_rules</c>; rules from
/// configuration (<c>Alerts:Rules</c>) have the same shape, are never stored, and get an id derived from their name.
/// </summary>
public sealed class AlertRule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>One of <see cref="AlertKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Percent (0-100) for failure_rate, USD for daily_cost, milliseconds for p95_latency.</summary>
    public double Threshold { get; set; }

    /// <summary>The trailing window of failure_rate and p95_latency; daily_cost always counts since UTC midnight.</summary>
    public int WindowMinutes { get; set; } = 5;

    /// <summary>Below this many finished interactions in the window a rate or percentile means nothing: no firing.</summary>
    public int MinSamples { get; set; } = AlertRuleRules.DefaultMinSamples;

    /// <summary>Optional filters on the interactions counted.</summary>
    public string? Model { get; set; }
    public string? Type { get; set; }

    public string? WebhookUrl { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    /// <summary>Not stored: true for rules read from configuration.</summary>
    public bool FromConfiguration { get; set; }
}

public static class AlertKinds
{
    public const string FailureRate = "failure_rate";
    public const string DailyCost = "daily_cost";
    public const string P95Latency = "p95_latency";

    public static readonly IReadOnlyList<string> All = [FailureRate, DailyCost, P95Latency];
}
