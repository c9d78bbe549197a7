using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Alerts;

/// <summary>
/// One pass over the rules: measure each, open a firing when a rule starts exceeding, resolve it when it falls
/// back, then deliver the webhooks due. Safe to run on several Worker replicas at once: opening relies on the
/// unique open-firing index and each delivery attempt is claimed by an UPDATE guarded on the attempt count.
/// </summary>
public sealed partial class AlertEvaluator(
    IServiceScopeFactory scopes, AlertRuleCatalog catalog, AlertWebhook webhook, TimeProvider clock,
    IOptions<AlertOptions> options, ILogger<AlertEvaluator> logger)
{
    public async Task EvaluateOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var rule in await catalog.ListAsync(db, ct))
        {
            try
            {
                await EvaluateAsync(db, rule, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                LogRuleFailed(logger, e, rule.Name);
            }
        }
        await DeliverDueAsync(db, ct);
    }

    private async Task EvaluateAsync(PlatformDbContext db, AlertRule rule, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var value = rule.Enabled ? await AlertMeasure.MeasureAsync(db, rule, now, ct) : null;
        var over = value > rule.Threshold;
        var firings = db.Set<AlertFiring>();
        var open = await firings.AsNoTracking().Where(f => f.RuleId == rule.Id && f.ResolvedAt == null).FirstOrDefaultAsync(ct);
        if (over && open is null)
        {
            await OpenAsync(db, rule, value!.Value, now, ct);
        }
        else if (over)
        {
            await firings.Where(f => f.Id == open!.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.LastValue, value), ct);
        }
        else if (open is not null)
        {
            // No resolved notice is posted: the webhook hears of a firing once; its end shows in the API and Web.
            await firings.Where(f => f.Id == open.Id && f.ResolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ResolvedAt, now).SetProperty(f => f.LastValue, value), ct);
        }
    }

    private async Task OpenAsync(PlatformDbContext db, AlertRule rule, double value, DateTime now, CancellationToken ct)
    {
        db.Add(new AlertFiring
        {
            RuleId = rule.Id,
            RuleName = rule.Name,
            Kind = rule.Kind,
            Threshold = rule.Threshold,
            ObservedValue = value,
            LastValue = value,
            StartedAt = now,
            WebhookUrl = rule.WebhookUrl,
            DeliveryStatus = rule.WebhookUrl is null ? WebhookDelivery.None : WebhookDelivery.Pending,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            LogOpened(logger, rule.Name, rule.Kind, value, rule.Threshold);
        }
        catch (DbUpdateException)
        {
            // Another replica opened it between our read and insert: the unique open-firing index said no.
            db.ChangeTracker.Clear();
        }
    }

    private async Task DeliverDueAsync(PlatformDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var max = options.Value.WebhookMaxAttempts;
        // A claim whose Worker died mid-POST is taken over once it is clearly older than any POST can last.
        var stale = now.AddSeconds(-3 * options.Value.WebhookTimeoutSeconds - 60);
        var firings = db.Set<AlertFiring>();
        var due = await firings.AsNoTracking()
            .Where(f => f.DeliveryAttempts < max && (f.DeliveryStatus == WebhookDelivery.Pending || f.DeliveryStatus == WebhookDelivery.Failed
                || (f.DeliveryStatus == WebhookDelivery.Sending && f.LastAttemptAt < stale)))
            .OrderBy(f => f.StartedAt).Take(50).ToListAsync(ct);
        foreach (var firing in due)
        {
            var attempt = firing.DeliveryAttempts + 1;
            var claimed = await firings
                .Where(f => f.Id == firing.Id && f.DeliveryStatus == firing.DeliveryStatus && f.DeliveryAttempts == firing.DeliveryAttempts)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.DeliveryStatus, WebhookDelivery.Sending)
                    .SetProperty(f => f.DeliveryAttempts, attempt).SetProperty(f => f.LastAttemptAt, now), ct);
            if (claimed == 0)
            {
                continue;
            }
            var error = await webhook.PostAsync(firing, attempt, ct);
            var delivered = clock.GetUtcNow().UtcDateTime;
            await firings.Where(f => f.Id == firing.Id).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.DeliveryStatus, error is null ? WebhookDelivery.Delivered : WebhookDelivery.Failed)
                .SetProperty(f => f.DeliveredAt, error is null ? delivered : null)
                .SetProperty(f => f.LastDeliveryError, error), ct);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Alert {Rule} fired: {Kind} is {Value}, over {Threshold}")]
    private static partial void LogOpened(ILogger logger, string rule, string kind, double value, double threshold);

    [LoggerMessage(LogLevel.Error, "Evaluating alert rule {Rule} failed")]
    private static partial void LogRuleFailed(ILogger logger, Exception exception, string rule);
}
