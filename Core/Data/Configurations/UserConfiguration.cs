using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Users;

namespace Platform.Core.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.Role).HasConversion<LowercaseEnumConverter<UserRole>>().HasMaxLength(16);
        builder.ComplexProperty(u => u.Limits, limits =>
        {
            limits.Property(l => l.RequestsPerMinute).HasColumnName("limit_requests_per_minute");
            limits.Property(l => l.TokensPerMinute).HasColumnName("limit_tokens_per_minute");
            limits.Property(l => l.DailyBudgetUsd).HasColumnName("daily_budget_usd");
            limits.Property(l => l.MonthlyBudgetUsd).HasColumnName("monthly_budget_usd");
        });
        builder.HasMany(u => u.Keys).WithOne(k => k.User).HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
