using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Events;

internal sealed class ProductEventConfiguration : IEntityTypeConfiguration<ProductEvent>
{
    public void Configure(EntityTypeBuilder<ProductEvent> builder)
    {
        builder.ToTable("product_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserId).HasMaxLength(ProductEventLimits.MaxIdLength);
        builder.Property(e => e.SessionId).HasMaxLength(ProductEventLimits.MaxIdLength);
        builder.Property(e => e.EventType).HasMaxLength(ProductEventLimits.MaxEventTypeLength);
        builder.Property(e => e.ComponentId).HasMaxLength(ProductEventLimits.MaxIdLength);
        builder.Property(e => e.Page).HasMaxLength(ProductEventLimits.MaxIdLength);
        builder.Property(e => e.PageUrl).HasMaxLength(ProductEventLimits.MaxUrlLength);
        builder.Property(e => e.TargetUrl).HasMaxLength(ProductEventLimits.MaxUrlLength);
        builder.Property(e => e.Query).HasMaxLength(ProductEventLimits.MaxTextLength);
        builder.Property(e => e.Message).HasMaxLength(ProductEventLimits.MaxTextLength);
        // A user's events in order (the analytics engine, the timeline), and one session of them.
        builder.HasIndex(e => new { e.UserId, e.Timestamp });
        builder.HasIndex(e => new { e.UserId, e.SessionId, e.Timestamp });
        // The overview and the export read a time window across users.
        builder.HasIndex(e => e.Timestamp);
    }
}
