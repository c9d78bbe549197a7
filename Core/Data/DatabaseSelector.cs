using Microsoft.Data.Sqlite;
using Npgsql;

namespace Platform.Core.Data;

/// <summary>Reads ConnectionStrings:platformdb: "Host=..." selects PostgreSQL, "Data Source=..." SQLite, nothing the embedded file.</summary>
public static class DatabaseSelector
{
    public const string ConnectionStringName = "platformdb";
    public const string ConfigurationKey = "ConnectionStrings:" + ConnectionStringName;

    public static DatabaseInfo Select(string? connectionString, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return Sqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "platform.db") });
        }

        var keys = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2)[0].Trim().ToLowerInvariant())
            .ToHashSet();
        if (keys.Contains("host") || keys.Contains("server"))
        {
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            return new DatabaseInfo(DatabaseProvider.PostgreSql, pg.ConnectionString, $"{pg.Host}:{pg.Port}/{pg.Database}");
        }
        if (keys.Contains("data source") || keys.Contains("datasource") || keys.Contains("filename"))
        {
            return Sqlite(new SqliteConnectionStringBuilder(connectionString));
        }
        throw new InvalidOperationException(
            $"{ConfigurationKey} is neither a PostgreSQL connection string (Host=...;Database=...) " +
            "nor a SQLite one (Data Source=path.db).");
    }

    private static DatabaseInfo Sqlite(SqliteConnectionStringBuilder builder)
    {
        var path = Path.GetFullPath(builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.DataSource = path;
        builder.ForeignKeys = true;
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until this timeout: Api and Worker share the file.
        builder.DefaultTimeout = 30;
        return new DatabaseInfo(DatabaseProvider.Sqlite, builder.ConnectionString, path);
    }
}
