using Microsoft.EntityFrameworkCore;
using Platform.Core.Alerts;
using Platform.Core.Data;

namespace Platform.Core.Tests.Alerts;

/// <summary>An alert rule and firing with every stored property set, for the schema round trip.</summary>
internal static class AlertEntities
{
    public static AlertRule FullRule(DateTime created) => new()
    {
        Name = "failures", Kind = AlertKinds.FailureRate, Threshold = 12.5, WindowMinutes = 15, MinSamples = 7,
        Model = "gpt-4o", Type = "chat", WebhookUrl = "https://hooks.example.com/alert", Enabled = false, CreatedAt = created,
    };

    public static AlertFiring FullFiring(AlertRule rule, DateTime created) => new()
    {
        RuleId = rule.Id, RuleName = rule.Name, Kind = rule.Kind, Threshold = rule.Threshold, ObservedValue = 40.25, LastValue = 20.5,
        StartedAt = created, ResolvedAt = created.AddMinutes(3), WebhookUrl = rule.WebhookUrl, DeliveryStatus = WebhookDelivery.Failed,
        DeliveryAttempts = 2, LastAttemptAt = created.AddMinutes(1), DeliveredAt = created.AddMinutes(2), LastDeliveryError = "503",
    };

    public static async Task AssertRoundTripAsync(DatabaseInfo database, DateTime created, CancellationToken ct)
    {
        var rule = FullRule(created);
        var firing = FullFiring(rule, created);
        await using (var db = Storage.TestDatabases.Context(database))
        {
            db.AddRange(rule, firing);
            await db.SaveChangesAsync(ct);
        }
        await using (var db = Storage.TestDatabases.Context(database))
        {
            Assert.Equivalent(rule, await db.Set<AlertRule>().AsNoTracking().SingleAsync(ct), strict: true);
            Assert.Equivalent(firing, await db.Set<AlertFiring>().AsNoTracking().SingleAsync(ct), strict: true);
        }
    }
}
