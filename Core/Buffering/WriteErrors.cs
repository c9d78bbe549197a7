using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Core.Buffering;

/// <summary>
/// Sorts write failures into permanent (the database refuses this data; retrying cannot help) and transient
/// (connection, timeout, lock, missing schema: the same write may succeed later), and describes them without data.
/// </summary>
internal static class WriteErrors
{
    // SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH: properties of the row, not of the moment.
    private static readonly int[] PermanentSqliteCodes = [18, 19, 20];

    // SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE.
    private static readonly int[] SqliteUniqueCodes = [1555, 2067];

    public static bool IsPermanent(Exception error) => Unwrap(error) switch
    {
        // SQLSTATE class 22 (data exception: bad encoding, value too long, out of range) and 23 (integrity violation).
        PostgresException pg => pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("23", StringComparison.Ordinal),
        SqliteException sqlite => PermanentSqliteCodes.Contains(sqlite.SqliteErrorCode),
        // An update of a row that is not there: it will not appear by waiting.
        DbUpdateConcurrencyException => true,
        // Thrown while converting or encoding a value before it reaches the server: the row itself is at fault.
        InvalidCastException or FormatException or OverflowException or ArgumentException or System.Text.EncoderFallbackException => true,
        _ => false,
    };

    public static bool IsUniqueViolation(Exception error) => Unwrap(error) switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => SqliteUniqueCodes.Contains(sqlite.SqliteExtendedErrorCode),
        _ => false,
    };

    /// <summary>
    /// Code and message only: a PostgreSQL error's detail and context can quote the row (COPY names the offending
    /// value), so neither the exception nor its ToString is logged.
    /// </summary>
    public static string Describe(Exception error) => Unwrap(error) switch
    {
        PostgresException pg => $"PostgreSQL {pg.SqlState}: {pg.MessageText}" + (pg.ColumnName is { } column ? $" (column {column})" : ""),
        SqliteException sqlite => $"SQLite {sqlite.SqliteExtendedErrorCode}: {sqlite.Message}",
        NpgsqlException npgsql => $"{npgsql.GetType().Name}: {npgsql.Message}",
        var other => other.GetType().Name,
    };

    private static Exception Unwrap(Exception error) =>
        error is DbUpdateException { InnerException: { } inner } ? inner : error;
}
