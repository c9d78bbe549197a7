namespace Platform.Core.Alerts;

/// <summary>Alert evaluation (section <c>Alerts</c>).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Whether the Worker evaluates rules at all.</summary>
    public bool Enabled { get; set; } = true;

    public int EvaluationSeconds { get; set; } = 60;

    /// <summary>Each webhook POST gives up after this long.</summary>
    public int WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts per firing, one per evaluation, before its delivery stays failed.</summary>
    public int WebhookMaxAttempts { get; set; } = 5;

    /// <summary>
    /// Whether webhooks may reach loopback, private and link-local addresses. Off by default: a rule's URL is given
    /// through the API, and must not reach the platform's own database, cache or a cloud metadata endpoint.
    /// </summary>
    public bool AllowPrivateNetworkWebhooks { get; set; }

    /// <summary>Read-only rules; they are listed with the API ones.</summary>
    public List<AlertRuleSettings> Rules { get; set; } = [];

    public string? Problem()
    {
        if (EvaluationSeconds is < 1 or > 86_400)
        {
            return $"{Section}:EvaluationSeconds must be between 1 and 86400.";
        }
        if (WebhookTimeoutSeconds is < 1 or > 120)
        {
            return $"{Section}:WebhookTimeoutSeconds must be between 1 and 120.";
        }
        if (WebhookMaxAttempts is < 1 or > 100)
        {
            return $"{Section}:WebhookMaxAttempts must be between 1 and 100.";
        }
        for (var i = 0; i < Rules.Count; i++)
        {
            var errors = AlertRuleRules.Validate(Rules[i]);
            if (errors.Count > 0)
            {
                var (field, messages) = errors.First();
                return $"{Section}:Rules:{i}:{field}: {messages[0]}";
            }
        }
        var duplicate = Rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : $"{Section}:Rules: the name '{duplicate.Key}' is used twice.";
    }
}

/// <summary>A rule as configuration or the API gives it.</summary>
public class AlertRuleSettings
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public double? Threshold { get; set; }
    public int? WindowMinutes { get; set; }
    public int? MinSamples { get; set; }
    public string? Model { get; set; }
    public string? Type { get; set; }
    public string? WebhookUrl { get; set; }
    public bool? Enabled { get; set; }
}
