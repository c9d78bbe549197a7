using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Core.Tests.Storage;

/// <summary>Fresh, empty databases of either provider, configured exactly as the services configure theirs.</summary>
internal static class TestDatabases
{
    public static DatabaseInfo Sqlite(TempDirectory directory) =>
        DatabaseSelector.Select($"Data Source={Path.Combine(directory.Path, "platform.db")}", directory.Path);

    public static async Task<DatabaseInfo> PostgresAsync(PostgresServer server)
    {
        server.EnsureAvailable();
        return DatabaseSelector.Select(await server.CreateDatabaseAsync("core"), Path.GetTempPath());
    }

    public static PlatformDbContext Context(DatabaseInfo database)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, database);
        return new PlatformDbContext(options.Options);
    }
}
