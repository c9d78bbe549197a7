using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Interactions.Rollups;

internal sealed class InteractionRollupConfiguration : IEntityTypeConfiguration<InteractionRollup>
{
    public void Configure(EntityTypeBuilder<InteractionRollup> builder)
    {
        builder.ToTable("interaction_rollups");
        // Hour first: every read is a range of hours; the triggers' upserts find their row by the whole key.
        builder.HasKey(r => new { r.Hour, r.OwnerUserId, r.Type, r.Model, r.Provider, r.Status });
        builder.Property(r => r.Type).HasMaxLength(32);
        builder.Property(r => r.Model).HasMaxLength(200);
        builder.Property(r => r.Provider).HasMaxLength(100);
        builder.Property(r => r.Status).HasMaxLength(16);
    }
}

internal sealed class InteractionLatencyBucketConfiguration : IEntityTypeConfiguration<InteractionLatencyBucket>
{
    public void Configure(EntityTypeBuilder<InteractionLatencyBucket> builder)
    {
        builder.ToTable("interaction_latency_buckets");
        builder.HasKey(r => new { r.Hour, r.OwnerUserId, r.Type, r.Model, r.Provider, r.Status, r.Bucket });
        builder.Property(r => r.Type).HasMaxLength(32);
        builder.Property(r => r.Model).HasMaxLength(200);
        builder.Property(r => r.Provider).HasMaxLength(100);
        builder.Property(r => r.Status).HasMaxLength(16);
    }
}

internal sealed class InteractionDailyLatencyBucketConfiguration : IEntityTypeConfiguration<InteractionDailyLatencyBucket>
{
    public void Configure(EntityTypeBuilder<InteractionDailyLatencyBucket> builder)
    {
        builder.ToTable("interaction_daily_latency_buckets");
        builder.HasKey(r => new { r.Day, r.OwnerUserId, r.Bucket });
    }
}
