using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Jobs;

namespace Platform.Core.Data.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasMaxLength(64);
        builder.Property(j => j.Priority).HasConversion<LowercaseEnumConverter<JobPriority>>().HasMaxLength(16);
        builder.Property(j => j.PriorityRank);
        builder.Property(j => j.Status).HasMaxLength(16);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.IdempotencyKey).HasMaxLength(200);
        // Claiming walks this index: WHERE status = ... ORDER BY priority_rank, run_at.
        builder.HasIndex(j => new { j.Status, j.PriorityRank, j.RunAt });
        builder.HasIndex(j => new { j.OwnerUserId, j.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(j => new { j.OwnerUserId, j.CreatedAt });
        builder.HasIndex(j => j.CreatedAt);
    }
}
