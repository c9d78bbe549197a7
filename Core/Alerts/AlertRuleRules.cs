using System.Security.Cryptography;
using System.Text;

namespace Platform.Core.Alerts;

/// <summary>What a valid rule is, shared by the API (400 naming the field) and configuration (fail at start).</summary>
public static class AlertRuleRules
{
    public const int DefaultMinSamples = 10;
    public const int MaxNameLength = 100;
    public const int MaxUrlLength = 2000;
    public const int MaxWindowMinutes = 7 * 24 * 60;

    /// <summary>Field name (camelCase, as in JSON) to messages; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(AlertRuleSettings rule)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > MaxNameLength)
        {
            Add("name", $"Required, at most {MaxNameLength} characters.");
        }
        if (rule.Kind is null || !AlertKinds.All.Contains(rule.Kind))
        {
            Add("kind", $"One of {string.Join(", ", AlertKinds.All)}.");
        }
        if (rule.Threshold is not { } threshold || !double.IsFinite(threshold) || threshold < 0 || threshold > MaxThreshold(rule.Kind))
        {
            Add("threshold", rule.Kind == AlertKinds.FailureRate
                ? "A percentage between 0 and 100."
                : $"A number between 0 and {MaxThreshold(rule.Kind)}.");
        }
        if (rule.WindowMinutes is < 1 or > MaxWindowMinutes)
        {
            Add("windowMinutes", $"Between 1 and {MaxWindowMinutes}.");
        }
        if (rule.MinSamples is < 1 or > 1_000_000)
        {
            Add("minSamples", "Between 1 and 1000000.");
        }
        if (rule.Model is { Length: 0 or > 200 })
        {
            Add("model", "At most 200 characters, not empty.");
        }
        if (rule.Type is { Length: 0 or > 32 })
        {
            Add("type", "At most 32 characters, not empty.");
        }
        if (rule.WebhookUrl is not null && !IsWebhookUrl(rule.WebhookUrl))
        {
            Add("webhookUrl", $"An absolute http or https URL of at most {MaxUrlLength} characters.");
        }
        return errors;
    }

    public static AlertRule ToRule(AlertRuleSettings settings, bool fromConfiguration, DateTime now) => new()
    {
        Id = fromConfiguration ? ConfigurationId(settings.Name!) : Guid.CreateVersion7(),
        Name = settings.Name!.Trim(),
        Kind = settings.Kind!,
        Threshold = settings.Threshold!.Value,
        WindowMinutes = settings.WindowMinutes ?? 5,
        MinSamples = settings.MinSamples ?? DefaultMinSamples,
        Model = settings.Model,
        Type = settings.Type,
        WebhookUrl = settings.WebhookUrl,
        Enabled = settings.Enabled ?? true,
        CreatedAt = now,
        FromConfiguration = fromConfiguration,
    };

    /// <summary>Stable across restarts and replicas, so a configured rule's firings stay attached to it.</summary>
    public static Guid ConfigurationId(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("alert-rule:" + name.Trim().ToLowerInvariant()));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static double MaxThreshold(string? kind) => kind switch
    {
        AlertKinds.FailureRate => 100,
        AlertKinds.P95Latency => 86_400_000,
        _ => 1_000_000_000,
    };

    private static bool IsWebhookUrl(string url) =>
        url.Length <= MaxUrlLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
