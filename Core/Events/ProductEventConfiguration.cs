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
        // A user's events in order (the analytics engine, the timeline); one session of them is read from the same
        // index, its session checked in the index entries. Not a second (user, session, timestamp) index: every index
        // is written on every insert, and on SQLite's single writer that one cost about a quarter of an event's insert.
        builder.HasIndex(e => new { e.UserId, e.Timestamp, e.SessionId });
        // The overview and the export read a time window across users.
        builder.HasIndex(e => e.Timestamp);
    }
}
