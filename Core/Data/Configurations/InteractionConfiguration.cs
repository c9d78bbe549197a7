using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Interactions;

namespace Platform.Core.Data.Configurations;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        // Triggers keep interaction_rollups in step (migration InteractionRollups); SQLite's RETURNING does not mix with AFTER triggers.
        builder.ToTable("interactions", t => t.UseSqlReturningClause(false));
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Type).HasMaxLength(32);
        builder.Property(i => i.Status).HasMaxLength(16);
        builder.Property(i => i.Source).HasMaxLength(32);
        builder.Property(i => i.ModelRequested).HasMaxLength(200);
        builder.Property(i => i.Model).HasMaxLength(200);
        builder.Property(i => i.Provider).HasMaxLength(100);
        builder.Property(i => i.OutputFormat).HasMaxLength(16);
        builder.Property(i => i.Verdict).HasMaxLength(16);
        builder.Property(i => i.PromptVersion).HasMaxLength(100);
        builder.HasIndex(i => new { i.OwnerUserId, i.CreatedAt });
        // The outputs list: job rows of one owner, newest first.
        builder.HasIndex(i => new { i.Type, i.OwnerUserId, i.CreatedAt });
        builder.HasIndex(i => i.CreatedAt);
        // The interaction queries (recent failures, the status and model filters over a time window) and every
        // status-only lookup (the job claim's pending rows): (status, created_at) serves them all, so no index on
        // status alone to keep up on each insert.
        builder.HasIndex(i => new { i.Status, i.CreatedAt });
        builder.HasIndex(i => new { i.Model, i.CreatedAt });
    }
}
