using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// Inserts many rows of one entity without EF Core's change tracking: binary COPY on PostgreSQL, a prepared
/// multi-row INSERT re-executed in a single transaction on SQLite (BulkInsert.Sqlite.cs). Columns, conversions and
/// parameter types come from the EF model, so this stays in step with the mappings. One of the few places with
/// provider-specific SQL.
/// </summary>
public static partial class BulkInsert
{
    public static async Task InsertAsync<T>(PlatformDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var properties = entity.GetProperties().ToArray();
        var columns = string.Join(", ", properties.Select(p => Quote(p.GetColumnName())));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (connection is NpgsqlConnection npgsql)
            {
                await CopyAsync(npgsql, table, columns, properties, rows, cancellationToken);
            }
            else if (connection is SqliteConnection sqlite)
            {
                InsertSqlite(sqlite, table, columns, properties, rows, cancellationToken);
            }
            else
            {
                throw new NotSupportedException($"BulkInsert supports PostgreSQL and SQLite, not {connection.GetType().Name}.");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Binary COPY with the provider type known per column: Npgsql resolves a column's converter once for a typed
    /// value, where an object is looked at value by value. Asynchronous: request handlers (bulk job enqueue) call it too.
    /// </summary>
    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, string columns, IProperty[] properties, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var types = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var writers = properties.Select((p, i) => ColumnWriter(p, types[i])).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Quote(table)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < properties.Length; i++)
            {
                if (ProviderValue(properties[i], types[i], row) is { } value)
                {
                    await writers[i](importer, value, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static Func<NpgsqlBinaryImporter, object, CancellationToken, Task> ColumnWriter(IProperty property, RelationalTypeMapping mapping)
    {
        var type = mapping.Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var typed = typeof(BulkInsert).GetMethod(nameof(TypedWriter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type);
        return (Func<NpgsqlBinaryImporter, object, CancellationToken, Task>)typed.Invoke(null, [mapping.StoreType])!;
    }

    private static Func<NpgsqlBinaryImporter, object, CancellationToken, Task> TypedWriter<TValue>(string storeType) =>
        (importer, value, cancellationToken) => importer.WriteAsync((TValue)value, storeType, cancellationToken);

    private static object? ProviderValue<T>(IProperty property, RelationalTypeMapping mapping, T row)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(row!);
        return value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
