using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Platform.Core.Data;
using SQLitePCL;

namespace Platform.Core.Analytics;

/// <summary>
/// Runs the analytics read on SQLite through SQLite's own API. Microsoft.Data.Sqlite makes several native calls
/// per column read (each with a SafeHandle reference count) and a new string per text value; at 100,000 rows that
/// was most of an uncached answer. Here a column costs its type and its bytes (<see cref="SqliteColumns"/>: a text
/// value's UTF-8 without copying), and the repeated texts (event types, sessions, components, pages, messages) are
/// decoded once per read and shared.
/// </summary>
internal static class SqliteEventRows
{
    /// <summary>The rows of <paramref name="command"/> (EF's SQL for the engine's projection), in its column order.</summary>
    public static void Read(SqliteConnection connection, DbCommand command, EventList events, CancellationToken ct)
    {
        var values = new SqliteValues(connection.Handle!);
        using var statement = values.Prepare(command.CommandText);
        foreach (DbParameter parameter in command.Parameters)
        {
            var index = raw.sqlite3_bind_parameter_index(statement, parameter.ParameterName);
            var binding = parameter.Value is null or DBNull ? SqliteBinding.Text
                : SqliteValues.BindingOf(parameter.Value.GetType(), text: true)
                    ?? throw new NotSupportedException($"The analytics read does not bind a {parameter.Value.GetType().Name}.");
            values.Bind(statement, index, binding, parameter.Value);
        }
        var texts = new Texts();
        var row = SqliteColumns.Hold(statement, out var release);
        using (release)
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((events.Count & 0xFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                events.Add(new AnalyticsEvent(
                    Time(row), texts.Get(row, 1)!, texts.Get(row, 2), texts.Get(row, 3), texts.Get(row, 4),
                    texts.Get(row, 5), Number(row, 6), Number(row, 7), Number(row, 8)));
            }
            values.Check(rc == raw.SQLITE_DONE ? rc : raw.sqlite3_reset(statement));
        }
    }

    private static DateTime Time(nint row)
    {
        var bytes = SqliteColumns.Bytes(row, 0);
        Span<char> chars = stackalloc char[64];
        return bytes.Length <= chars.Length && Encoding.UTF8.TryGetChars(bytes, chars, out var length)
            ? SqliteTime.Parse(chars[..length])
            : SqliteTime.Parse(Encoding.UTF8.GetString(bytes));
    }

    private static double? Number(nint row, int column) => SqliteColumns.IsNull(row, column) ? null : SqliteColumns.Double(row, column);

    /// <summary>One string per distinct text value of a read.</summary>
    private sealed class Texts
    {
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
        private char[] _chars = new char[256];

        public string? Get(nint row, int column)
        {
            if (SqliteColumns.IsNull(row, column))
            {
                return null;
            }
            var bytes = SqliteColumns.Bytes(row, column);
            if (_chars.Length < bytes.Length)
            {
                _chars = new char[Math.Max(bytes.Length, _chars.Length * 2)];
            }
            var length = Encoding.UTF8.GetChars(bytes, _chars);
            var lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
            var text = _chars.AsSpan(0, length);
            if (!lookup.TryGetValue(text, out var known))
            {
                known = text.ToString();
                _seen.Add(known, known);
            }
            return known;
        }
    }
}
