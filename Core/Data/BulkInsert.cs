using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Platform.Core.Data;

/// <summary>
/// Inserts many rows of one entity without EF Core's change tracking: binary COPY on PostgreSQL, a prepared
/// multi-row INSERT re-executed in a single transaction on SQLite. Columns, conversions and parameter types come from the
/// EF model, so this stays in step with the mappings. One of the few places with provider-specific SQL.
/// </summary>
public static class BulkInsert
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
            else
            {
                await InsertEachAsync(connection, table, columns, properties, rows, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, string columns, IProperty[] properties, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var types = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Quote(table)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < properties.Length; i++)
            {
                var value = ProviderValue(properties[i], types[i], row);
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, types[i].StoreType, cancellationToken);
                }
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertEachAsync<T>(
        DbConnection connection, string table, string columns, IProperty[] properties, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var types = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        // Several rows per statement: each execution costs a bind, a step and a reset whatever its size, so fewer,
        // larger statements take less time per row (well under SQLite's 32,766 parameters per statement).
        var perStatement = Math.Max(1, Math.Min(RowsPerStatement, rows.Count));
        await using var many = Command(connection, transaction, table, columns, properties, types, perStatement);
        var full = rows.Count - (rows.Count % perStatement);
        for (var start = 0; start < full; start += perStatement)
        {
            Bind(many, properties, types, rows, start, perStatement);
            await many.ExecuteNonQueryAsync(cancellationToken);
        }
        if (full < rows.Count)
        {
            await using var rest = Command(connection, transaction, table, columns, properties, types, rows.Count - full);
            Bind(rest, properties, types, rows, full, rows.Count - full);
            await rest.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private const int RowsPerStatement = 16;

    private static DbCommand Command(
        DbConnection connection, DbTransaction transaction, string table, string columns, IProperty[] properties, RelationalTypeMapping[] types, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = Enumerable.Range(0, rowCount).Select(r => "(" + string.Join(", ", properties.Select((_, i) => $"@p{r}_{i}")) + ")");
        command.CommandText = $"INSERT INTO {Quote(table)} ({columns}) VALUES {string.Join(", ", values)}";
        for (var r = 0; r < rowCount; r++)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                command.Parameters.Add(types[i].CreateParameter(command, $"@p{r}_{i}", ProviderDefault(properties[i]), properties[i].IsNullable));
            }
        }
        return command;
    }

    private static void Bind<T>(DbCommand command, IProperty[] properties, RelationalTypeMapping[] types, IReadOnlyList<T> rows, int start, int count)
    {
        for (var r = 0; r < count; r++)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                command.Parameters[(r * properties.Length) + i].Value = ProviderValue(properties[i], types[i], rows[start + r]) ?? DBNull.Value;
            }
        }
    }

    private static object? ProviderValue<T>(IProperty property, RelationalTypeMapping mapping, T row)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(row!);
        return value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
    }

    private static object? ProviderDefault(IProperty property) =>
        property.ClrType.IsValueType && Nullable.GetUnderlyingType(property.ClrType) is null ? Activator.CreateInstance(property.ClrType) : null;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
