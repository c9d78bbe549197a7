using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// Tells a database that cannot be reached (or is too busy to answer now) from every other database error: the former
/// is the environment's trouble, answered 503 with Retry-After; the latter stays a bug to see.
/// </summary>
public static class DatabaseOutage
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>True when the exception, or one it wraps (EF's DbUpdateException, a retry strategy's wrapper), says so.</summary>
    public static bool IsOutage(Exception? error)
    {
        for (var depth = 0; error is not null && depth < 8; depth++, error = error.InnerException)
        {
            switch (error)
            {
                // A fast shutdown ends open sessions with 57P01, a starting server refuses with 57P03; class 08 is
                // the connection itself. Npgsql does not flag all of them transient.
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" }:
                case PostgresException postgresConnection when postgresConnection.SqlState.StartsWith("08", StringComparison.Ordinal):
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case TimeoutException:
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
