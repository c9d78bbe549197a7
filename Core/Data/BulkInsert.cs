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
    public static Task InsertAsync<T>(PlatformDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
        where T : class => InsertAsync(db, rows, sync: false, cancellationToken);

    /// <summary>
    /// The same, blocking: for the buffered writers' own threads, where waiting in the socket costs less than Npgsql's
    /// asynchronous writes per value and a thread blocked on their task.
    /// </summary>
    public static void Insert<T>(PlatformDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
        where T : class => InsertAsync(db, rows, sync: true, cancellationToken).GetAwaiter().GetResult();

    /// <param name="sync">Every call blocks, so the returned task is complete.</param>
    private static async Task InsertAsync<T>(PlatformDbContext db, IReadOnlyList<T> rows, bool sync, CancellationToken cancellationToken)
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
        if (sync)
        {
            db.Database.OpenConnection();
        }
        else
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        try
        {
            var connection = db.Database.GetDbConnection();
            if (connection is NpgsqlConnection npgsql)
            {
                await CopyAsync(npgsql, table, columns, properties, rows, sync, cancellationToken);
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
            if (sync)
            {
                db.Database.CloseConnection();
            }
            else
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Binary COPY with the provider type known per column: Npgsql resolves a column's converter once for a typed
    /// value, where an object is looked at value by value. Asynchronous unless <paramref name="sync"/>: request
    /// handlers (bulk job enqueue) call it too.
    /// </summary>
    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, string columns, IProperty[] properties, IReadOnlyList<T> rows, bool sync,
        CancellationToken cancellationToken)
    {
        var types = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var writers = properties.Select((p, i) => ColumnWriter(p, types[i])).ToArray();
        var copy = $"COPY {Quote(table)} ({columns}) FROM STDIN (FORMAT BINARY)";
        var importer = sync ? connection.BeginBinaryImport(copy) : await connection.BeginBinaryImportAsync(copy, cancellationToken);
        try
        {
            await WriteRowsAsync(importer, properties, types, writers, rows, sync, cancellationToken);
        }
        finally
        {
            // Cancels the COPY unless it completed.
            if (sync)
            {
                importer.Dispose();
            }
            else
            {
                await importer.DisposeAsync();
            }
        }
    }

    private static async Task WriteRowsAsync<T>(
        NpgsqlBinaryImporter importer, IProperty[] properties, RelationalTypeMapping[] types, ColumnCopy[] writers, IReadOnlyList<T> rows,
        bool sync, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            if (sync)
            {
                cancellationToken.ThrowIfCancellationRequested();
                importer.StartRow();
            }
            else
            {
                await importer.StartRowAsync(cancellationToken);
            }
            for (var i = 0; i < properties.Length; i++)
            {
                var value = ProviderValue(properties[i], types[i], row);
                if (sync)
                {
                    writers[i].Write(importer, value);
                }
                else
                {
                    await writers[i].WriteAsync(importer, value, cancellationToken);
                }
            }
        }
        if (sync)
        {
            importer.Complete();
        }
        else
        {
            await importer.CompleteAsync(cancellationToken);
        }
    }

    private static ColumnCopy ColumnWriter(IProperty property, RelationalTypeMapping mapping)
    {
        var type = mapping.Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return (ColumnCopy)Activator.CreateInstance(typeof(ColumnCopy<>).MakeGenericType(type), mapping.StoreType)!;
    }

    /// <summary>One column's values written as their provider type (a null as NULL).</summary>
    private abstract class ColumnCopy
    {
        public abstract void Write(NpgsqlBinaryImporter importer, object? value);

        public abstract Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken);
    }

    private sealed class ColumnCopy<TValue>(string storeType) : ColumnCopy
    {
        public override void Write(NpgsqlBinaryImporter importer, object? value)
        {
            if (value is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write((TValue)value, storeType);
            }
        }

        public override Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) =>
            value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync((TValue)value, storeType, cancellationToken);
    }

    private static object? ProviderValue<T>(IProperty property, RelationalTypeMapping mapping, T row)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(row!);
        return value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
