using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Core.Alerts;

/// <summary>
/// Posts a firing as JSON. Delivery is at-least-once (a Worker that dies after the POST and before recording it
/// lets another retry), so the body and the Idempotency-Key header carry the firing id for receivers to dedupe.
/// </summary>
public sealed partial class AlertWebhook(IHttpClientFactory clients, IOptions<AlertOptions> options, ILogger<AlertWebhook> logger)
{
    public const string ClientName = "alerts-webhook";

    /// <summary>Null when the receiver answered 2xx, else what went wrong (never throws, except on shutdown).</summary>
    public async Task<string?> PostAsync(AlertFiring firing, int attempt, CancellationToken ct)
    {
        var body = new AlertNotice(firing.Id, firing.RuleId, firing.RuleName, firing.Kind, firing.Threshold,
            firing.ObservedValue, firing.StartedAt, "firing", attempt);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.WebhookTimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, firing.WebhookUrl) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", firing.Id.ToString());
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }
            return Failed(firing, $"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return Failed(firing, e is OperationCanceledException
                ? $"No answer within {options.Value.WebhookTimeoutSeconds} s."
                : $"{e.GetType().Name}: {e.Message}");
        }
    }

    private string Failed(AlertFiring firing, string error)
    {
        LogFailed(logger, firing.RuleName, firing.Id, error);
        return error.Length > 2000 ? error[..2000] : error;
    }

    [LoggerMessage(LogLevel.Warning, "Alert webhook for rule {Rule} (firing {FiringId}) failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string rule, Guid firingId, string error);
}

/// <summary>The webhook's JSON body.</summary>
public sealed record AlertNotice(
    Guid FiringId, Guid RuleId, string Rule, string Kind, double Threshold, double Value, DateTime StartedAt, string Status, int Attempt);
