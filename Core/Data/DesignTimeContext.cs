using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Data;

/// <summary>
/// The context dotnet ef builds the model from, configured as the services configure theirs for the given provider.
/// Generating a migration or checking for model changes never opens a connection, so the connection strings are
/// placeholders.
/// </summary>
public static class DesignTimeContext
{
    public static PlatformDbContext Create(DatabaseProvider provider)
    {
        var database = provider == DatabaseProvider.Sqlite
            ? new DatabaseInfo(provider, "Data Source=:memory:", "dotnet ef")
            : new DatabaseInfo(provider, "Host=localhost;Database=platform", "dotnet ef");
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, database);
        return new PlatformDbContext(options.Options);
    }
}
