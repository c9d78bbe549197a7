using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Users;

namespace Platform.Core.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.UserId);
        builder.ComplexProperty(k => k.Limits, limits =>
        {
            limits.Property(l => l.RequestsPerMinute).HasColumnName("limit_requests_per_minute");
            limits.Property(l => l.TokensPerMinute).HasColumnName("limit_tokens_per_minute");
        });
        builder.Property(k => k.Scope).HasConversion<LowercaseEnumConverter<ApiKeyScope>>().HasMaxLength(16);
    }
}
