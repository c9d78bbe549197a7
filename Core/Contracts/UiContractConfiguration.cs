using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Contracts;

internal sealed class UiContractConfiguration : IEntityTypeConfiguration<UiContract>
{
    public void Configure(EntityTypeBuilder<UiContract> builder)
    {
        builder.ToTable("ui_contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.UserId).HasMaxLength(ContractLimits.MaxUserIdLength);
        builder.Property(c => c.Version).HasMaxLength(ContractVersion.MaxLength);
        builder.Property(c => c.OptimizedBy).HasMaxLength(16);
        // "Latest for this end user" (per owner for members) reads this index newest version first.
        builder.HasIndex(c => new { c.UserId, c.VersionMajor, c.VersionMinor, c.VersionPatch, c.CreatedAt });
        builder.HasIndex(c => new { c.OwnerUserId, c.UserId });
    }
}
