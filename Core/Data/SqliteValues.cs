using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Platform.Core.Data;

/// <summary>How a value is bound through SQLite's own API; the text forms are Microsoft.Data.Sqlite's, which EF reads and compares.</summary>
internal enum SqliteBinding { Text, Integer, Real, Guid, DateTime, Blob }

/// <summary>
/// Binds values by parameter position through SQLite's API (SQLitePCL.raw), for the few hot paths where
/// Microsoft.Data.Sqlite's per-execution parameter lookup by name and per-value re-encoding cost more than SQLite's own
/// work. Text is encoded into one reused buffer (SQLite copies what it is given). Not thread-safe: one per statement.
/// </summary>
internal sealed class SqliteValues(sqlite3 handle)
{
    // Microsoft.Data.Sqlite's DateTime text: what EF writes through parameters and compares against.
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private byte[] _buffer = new byte[1024];

    /// <summary>The binding for a provider CLR type; <paramref name="text"/>: the column stores it as TEXT (Guid, DateTime).</summary>
    public static SqliteBinding? BindingOf(Type type, bool text)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => SqliteBinding.Text,
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(bool) => SqliteBinding.Integer,
            _ when type == typeof(double) || type == typeof(float) => SqliteBinding.Real,
            _ when type == typeof(Guid) && text => SqliteBinding.Guid,
            _ when type == typeof(DateTime) && text => SqliteBinding.DateTime,
            _ when type == typeof(byte[]) => SqliteBinding.Blob,
            _ => null,
        };
    }

    public sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        Check(rc);
        return statement;
    }

    public void Bind(sqlite3_stmt statement, int index, SqliteBinding binding, object? value) => Check(BindCore(statement, index, binding, value));

    /// <summary>Throws SQLite's error (with its extended code) for a failed call; SQLITE_OK, _ROW and _DONE pass.</summary>
    public void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private int BindCore(sqlite3_stmt statement, int index, SqliteBinding binding, object? value)
    {
        if (value is null or DBNull)
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
}
