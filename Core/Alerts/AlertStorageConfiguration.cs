using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Alerts;

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> builder)
    {
        builder.ToTable("alert_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(AlertRuleRules.MaxNameLength);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Model).HasMaxLength(200);
        builder.Property(r => r.Type).HasMaxLength(32);
        builder.Property(r => r.WebhookUrl).HasMaxLength(AlertRuleRules.MaxUrlLength);
        builder.Ignore(r => r.FromConfiguration);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class AlertFiringConfiguration : IEntityTypeConfiguration<AlertFiring>
{
    public void Configure(EntityTypeBuilder<AlertFiring> builder)
    {
        builder.ToTable("alert_firings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.RuleName).HasMaxLength(AlertRuleRules.MaxNameLength);
        builder.Property(f => f.Kind).HasMaxLength(16);
        builder.Property(f => f.WebhookUrl).HasMaxLength(AlertRuleRules.MaxUrlLength);
        builder.Property(f => f.DeliveryStatus).HasMaxLength(16);
        builder.Property(f => f.LastDeliveryError).HasMaxLength(2000);
        // At most one open firing per rule: inserting it is how one Worker replica, and only one, opens it.
        // Both providers accept this filter as written.
        builder.HasIndex(f => f.RuleId).IsUnique().HasFilter("resolved_at IS NULL").HasDatabaseName("ux_alert_firings_open_rule");
        builder.HasIndex(f => new { f.RuleId, f.StartedAt });
        builder.HasIndex(f => f.StartedAt);
        builder.HasIndex(f => f.DeliveryStatus);
    }
}
