using System.Globalization;
using System.Text;
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

    private const int CacheKiB = 64 * 1024;

    /// <summary>How a provider value is bound; the text forms are Microsoft.Data.Sqlite's, which EF reads and compares.</summary>
    private enum SqliteBinding { Text, Integer, Real, Guid, DateTime, Blob }

    /// <summary>
    /// The rows as prepared multi-row INSERTs bound by position through SQLite's own API, in one transaction.
    /// Microsoft.Data.Sqlite looks every parameter up by name and re-encodes it on each execution, which cost about
    /// four times SQLite's own work per row; binding by index into a reused UTF-8 buffer leaves mostly SQLite's.
    /// </summary>
    private static void InsertSqlite<T>(
        SqliteConnection connection, string table, string columns, IProperty[] properties, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var types = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var bindings = properties.Select((p, i) => BindingOf(p, types[i])).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var writer = new SqliteRowBinder(connection.Handle!, properties, types, bindings, getters);
        // A batch's index pages stay in memory until its commit rather than spilling half-written to the WAL: with
        // SQLite's default 2 MiB cache a batch of thousands of rows into several indexes rewrites pages many times.
        // The setting stays with this pooled connection; other connections keep the default.
        using (var cache = connection.CreateCommand())
        {
            cache.CommandText = $"PRAGMA cache_size = -{CacheKiB}";
            cache.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        var perStatement = Math.Max(1, Math.Min(RowsPerStatement, rows.Count));
        var full = rows.Count - (rows.Count % perStatement);
        using (var many = writer.Prepare(table, columns, perStatement))
        {
            for (var start = 0; start < full; start += perStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Execute(many, rows, start, perStatement);
            }
        }
        if (full < rows.Count)
        {
            using var rest = writer.Prepare(table, columns, rows.Count - full);
            writer.Execute(rest, rows, full, rows.Count - full);
        }
        transaction.Commit();
    }

    private static SqliteBinding BindingOf(IProperty property, RelationalTypeMapping mapping)
    {
        var type = mapping.Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var text = string.Equals(mapping.StoreType, "TEXT", StringComparison.OrdinalIgnoreCase);
        return type switch
        {
            _ when type == typeof(string) => SqliteBinding.Text,
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(bool) => SqliteBinding.Integer,
            _ when type == typeof(double) || type == typeof(float) => SqliteBinding.Real,
            _ when type == typeof(Guid) && text => SqliteBinding.Guid,
            _ when type == typeof(DateTime) && text => SqliteBinding.DateTime,
            _ when type == typeof(byte[]) => SqliteBinding.Blob,
            _ => throw new NotSupportedException(
                $"BulkInsert on SQLite does not bind {type.Name} stored as {mapping.StoreType} ({property.DeclaringType.DisplayName()}.{property.Name})."),
        };
    }

    /// <summary>Binds rows by parameter position, encoding text into one reused buffer (SQLite copies what it is given).</summary>
    private sealed class SqliteRowBinder(
        sqlite3 handle, IProperty[] properties, RelationalTypeMapping[] types, SqliteBinding[] bindings, IClrPropertyGetter[] getters)
    {
        // Microsoft.Data.Sqlite's DateTime text: what EF writes through parameters and compares against.
        private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

        private byte[] _buffer = new byte[1024];

        public sqlite3_stmt Prepare(string table, string columns, int rowCount)
        {
            var row = "(" + string.Join(", ", Enumerable.Repeat("?", properties.Length)) + ")";
            var sql = $"INSERT INTO {Quote(table)} ({columns}) VALUES {string.Join(", ", Enumerable.Repeat(row, rowCount))}";
            var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
            SqliteException.ThrowExceptionForRC(rc, handle);
            return statement;
        }

        public void Execute<T>(sqlite3_stmt statement, IReadOnlyList<T> rows, int start, int count)
        {
            var index = 1;
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r]!;
                for (var i = 0; i < properties.Length; i++, index++)
                {
                    var value = getters[i].GetClrValueUsingContainingEntity(row);
                    if (value is not null && types[i].Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }
                    Check(Bind(statement, index, bindings[i], value));
                }
            }
            var rc = raw.sqlite3_step(statement);
            // Reset either way: a failed statement reports its specific error through the connection after the reset.
            var reset = raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(reset != raw.SQLITE_OK ? reset : rc, handle);
            }
        }

        private int Bind(sqlite3_stmt statement, int index, SqliteBinding binding, object? value)
        {
            if (value is null)
            {
                return raw.sqlite3_bind_null(statement, index);
            }
            switch (binding)
            {
                case SqliteBinding.Text:
                    var text = (string)value;
                    var bytes = Room(Encoding.UTF8.GetMaxByteCount(text.Length));
                    return raw.sqlite3_bind_text(statement, index, bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)));
                case SqliteBinding.Integer:
                    return raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                case SqliteBinding.Real:
                    var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    // Microsoft.Data.Sqlite refuses NaN too; an argument error marks the row, not the moment, as the fault.
                    return double.IsNaN(real) ? throw new ArgumentException("Cannot store NaN in SQLite.") : raw.sqlite3_bind_double(statement, index, real);
                case SqliteBinding.Guid:
                    var guid = Room(36);
                    ((Guid)value).TryFormat(guid, out var length, "D");
                    // Upper case, as Microsoft.Data.Sqlite writes a Guid as text.
                    for (var i = 0; i < length; i++)
                    {
                        guid[i] = (byte)char.ToUpperInvariant((char)guid[i]);
                    }
                    return raw.sqlite3_bind_text(statement, index, guid.AsSpan(0, length));
                case SqliteBinding.DateTime:
                    var time = Room(64);
                    ((DateTime)value).TryFormat(time, out var written, DateTimeFormat, CultureInfo.InvariantCulture);
                    return raw.sqlite3_bind_text(statement, index, time.AsSpan(0, written));
                default:
                    return raw.sqlite3_bind_blob(statement, index, (byte[])value);
            }
        }

        private byte[] Room(int bytes)
        {
            if (_buffer.Length < bytes)
            {
                _buffer = new byte[Math.Max(bytes, _buffer.Length * 2)];
            }
            return _buffer;
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }
    }
}
