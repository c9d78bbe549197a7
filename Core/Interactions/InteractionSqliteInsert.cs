using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Platform.Core.Data;
using SQLitePCL;

namespace Platform.Core.Interactions;

/// <summary>
/// The recording path's insert on SQLite: a multi-row INSERT prepared once per batch and bound by position through
/// SQLitePCL. Microsoft.Data.Sqlite binds every parameter by name, and SQLite finds a name by a linear scan of the
/// statement's parameters, so a statement of r rows costs O(r²) name lookups per row: with 46 columns that was most of
/// the writer's CPU. Values are bound as Microsoft.Data.Sqlite binds them (Guid as upper-case text, DateTime as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF", bool as 0/1), so rows read back exactly as EF wrote them;
/// <c>InteractionSqliteInsertTests</c> compares both column by column.
/// </summary>
internal static class InteractionSqliteInsert
{
    private const int RowsPerStatement = 32;

    public static async Task InsertAsync(PlatformDbContext db, IReadOnlyList<Interaction> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(Interaction))!;
        var properties = entity.GetProperties().ToArray();
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
        var columns = string.Join(", ", properties.Select(p => "\"" + p.GetColumnName() + "\""));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) takes the write lock with its busy retries, so the
            // statements below cannot meet SQLITE_BUSY.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var handle = connection.Handle!;
            var full = rows.Count - (rows.Count % RowsPerStatement);
            if (full > 0)
            {
                using var many = Prepare(handle, entity.GetTableName()!, columns, properties.Length, RowsPerStatement);
                for (var start = 0; start < full; start += RowsPerStatement)
                {
                    Execute(handle, many, properties, converters, rows, start, RowsPerStatement);
                }
            }
            if (full < rows.Count)
            {
                using var rest = Prepare(handle, entity.GetTableName()!, columns, properties.Length, rows.Count - full);
                Execute(handle, rest, properties, converters, rows, full, rows.Count - full);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 handle, string table, string columns, int columnCount, int rowCount)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", columnCount)) + ")";
        var sql = $"INSERT INTO \"{table}\" ({columns}) VALUES {string.Join(", ", Enumerable.Repeat(row, rowCount))}";
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        return statement;
    }

    private static void Execute(
        sqlite3 handle, sqlite3_stmt statement, IProperty[] properties, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] converters,
        IReadOnlyList<Interaction> rows, int start, int count)
    {
        try
        {
            for (var r = 0; r < count; r++)
            {
                for (var i = 0; i < properties.Length; i++)
                {
                    var value = properties[i].GetGetter().GetClrValueUsingContainingEntity(rows[start + r]);
                    if (value is not null && converters[i] is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }
                    Bind(handle, statement, (r * properties.Length) + i + 1, value);
                }
            }
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private static void Bind(sqlite3 handle, sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            Guid guid => raw.sqlite3_bind_text(statement, index, guid.ToString().ToUpperInvariant()),
            DateTime at => raw.sqlite3_bind_text(statement, index, at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            double real when double.IsNaN(real) => throw new InvalidOperationException("Cannot store NaN values."),
            double real => raw.sqlite3_bind_double(statement, index, real),
            // A new column type: add how Microsoft.Data.Sqlite binds it (its SqliteValueBinder) and the tests' row.
            _ => throw new NotSupportedException($"No SQLite binding for {value.GetType().Name}."),
        };
        SqliteException.ThrowExceptionForRC(rc, handle);
    }
}
