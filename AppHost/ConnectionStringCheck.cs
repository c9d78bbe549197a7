using System.Data.Common;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

/// <summary>
/// Checks the connection strings given to the AppHost before anything starts: a bad one would otherwise only show as
/// an Api that exits at start while Worker and Web wait for it.
/// </summary>
internal static class ConnectionStringCheck
{
    public static string? FirstProblem(IConfiguration configuration)
    {
        if (configuration.GetConnectionString(Infrastructure.DatabaseName) is { } database && DatabaseProblem(database) is { } problem)
        {
            return $"ConnectionStrings:{Infrastructure.DatabaseName} {problem}";
        }

        if (configuration.GetConnectionString(Infrastructure.CacheName) is { } cache && string.IsNullOrWhiteSpace(cache))
        {
            return $"ConnectionStrings:{Infrastructure.CacheName} is empty: give Redis as host:port, or leave it unset";
        }

        return null;
    }

    private static string? DatabaseProblem(string value)
    {
        var parsed = new DbConnectionStringBuilder();
        try
        {
            parsed.ConnectionString = value;
        }
        catch (ArgumentException ex)
        {
            return $"is not a connection string ({ex.Message})";
        }

        return new[] { "Host", "Server", "Data Source", "DataSource", "Filename" }.Any(parsed.ContainsKey)
            ? null
            : "needs Host=... (PostgreSQL) or Data Source=... (SQLite)";
    }
}
