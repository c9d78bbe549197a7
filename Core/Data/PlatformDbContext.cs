using Microsoft.EntityFrameworkCore;
using Platform.Core.Events;
using Platform.Core.Interactions;
using Platform.Core.Jobs;
using Platform.Core.Users;

namespace Platform.Core.Data;

public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<ProductEvent> ProductEvents => Set<ProductEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        modelBuilder.UseSnakeCaseColumns();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no timestamp type: values come back as Kind=Unspecified. Everything we store is UTC.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }
}
