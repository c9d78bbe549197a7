using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Platform.Core.Data;

public static partial class BulkInsert
{
    // Several rows per statement: each execution costs a step and a reset whatever its size, so fewer, larger
    // statements take less time per row (well under SQLite's 32,766 parameters per statement).
    private const int RowsPerStatement = 16;

    private const int LargeCacheKiB = 64 * 1024;

    // SQLite's default (2,000 KiB), and the batch size from which a batch gets the large cache.
    private const int DefaultCacheKiB = 2_000;
    private const int LargeBatchRows = 1_000;

    /// <summary>
    /// The rows as prepared multi-row INSERTs bound by position through SQLite's own API, in one transaction.
    /// Microsoft.Data.Sqlite looks every parameter up by name and re-encodes it on each execution, which cost more
    /// than SQLite's own work per row (see <see cref="SqliteValues"/>).
    /// </summary>
    private static void InsertSqlite<T>(
        SqliteConnection connection, string table, string columns, IProperty[] properties, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var types = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var bindings = properties.Select((p, i) => BindingOf(p, types[i])).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var values = new SqliteValues(connection.Handle!);
        // A large batch's index pages stay in memory until its commit rather than spilling half-written to the WAL:
        // with SQLite's default 2 MiB cache a batch of thousands of rows into several indexes rewrites pages many times.
        // A small batch (the gateway's interactions) puts the default back, which frees the pages above it: the pooled
        // connection would otherwise keep up to 64 MiB of pages resident in the Api for no gain.
        using (var cache = connection.CreateCommand())
        {
            cache.CommandText = $"PRAGMA cache_size = -{(rows.Count >= LargeBatchRows ? LargeCacheKiB : DefaultCacheKiB)}";
            cache.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        var perStatement = Math.Max(1, Math.Min(RowsPerStatement, rows.Count));
        var full = rows.Count - (rows.Count % perStatement);
        using (var many = values.Prepare(InsertSql(table, columns, properties.Length, perStatement)))
        {
            for (var start = 0; start < full; start += perStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Execute(values, many, rows, start, perStatement, types, bindings, getters);
            }
        }
        if (full < rows.Count)
        {
            using var rest = values.Prepare(InsertSql(table, columns, properties.Length, rows.Count - full));
            Execute(values, rest, rows, full, rows.Count - full, types, bindings, getters);
        }
        transaction.Commit();
    }

    private static string InsertSql(string table, string columns, int columnCount, int rowCount)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", columnCount)) + ")";
        return $"INSERT INTO {Quote(table)} ({columns}) VALUES {string.Join(", ", Enumerable.Repeat(row, rowCount))}";
    }

    private static void Execute<T>(
        SqliteValues values, sqlite3_stmt statement, IReadOnlyList<T> rows, int start, int count,
        RelationalTypeMapping[] types, SqliteBinding[] bindings, IClrPropertyGetter[] getters)
    {
        var index = 1;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r]!;
            for (var i = 0; i < getters.Length; i++, index++)
            {
                var value = getters[i].GetClrValueUsingContainingEntity(row);
                if (value is not null && types[i].Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                values.Bind(statement, index, bindings[i], value);
            }
        }
        var rc = raw.sqlite3_step(statement);
        // Reset either way: a failed step's specific error (a constraint's extended code) is reported by the reset.
        var reset = raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            values.Check(reset != raw.SQLITE_OK ? reset : rc);
        }
    }

    private static SqliteBinding BindingOf(IProperty property, RelationalTypeMapping mapping) =>
        SqliteValues.BindingOf(mapping.Converter?.ProviderClrType ?? property.ClrType, string.Equals(mapping.StoreType, "TEXT", StringComparison.OrdinalIgnoreCase))
        ?? throw new NotSupportedException(
            $"BulkInsert on SQLite does not bind {property.ClrType.Name} stored as {mapping.StoreType} ({property.DeclaringType.DisplayName()}.{property.Name}).");
}
