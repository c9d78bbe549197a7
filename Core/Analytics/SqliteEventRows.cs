using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Platform.Core.Data;
using SQLitePCL;

namespace Platform.Core.Analytics;

/// <summary>
/// Runs the analytics read on SQLite through SQLite's own API. Microsoft.Data.Sqlite makes several native calls
/// per column read (each with a SafeHandle reference count) and a new string per text value; at 100,000 rows that
/// was most of an uncached answer. Here a column costs its type and its bytes (sqlite3_column_blob: a text value's
/// UTF-8 without copying), and the repeated texts (event types,
/// sessions, components, pages, messages) are decoded once per read and shared.
/// </summary>
internal static class SqliteEventRows
{
    /// <summary>The rows of <paramref name="command"/> (EF's SQL for the engine's projection), in its column order.</summary>
    public static void Read(SqliteConnection connection, DbCommand command, List<AnalyticsEvent> events, CancellationToken ct)
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
        int rc;
        while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
        {
            if ((events.Count & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            events.Add(new AnalyticsEvent(
                Time(statement), texts.Get(statement, 1)!, texts.Get(statement, 2), texts.Get(statement, 3), texts.Get(statement, 4),
                texts.Get(statement, 5), Number(statement, 6), Number(statement, 7), Number(statement, 8)));
        }
        values.Check(rc == raw.SQLITE_DONE ? rc : raw.sqlite3_reset(statement));
    }

    private static DateTime Time(sqlite3_stmt statement)
    {
        var bytes = raw.sqlite3_column_blob(statement, 0);
        Span<char> chars = stackalloc char[64];
        return bytes.Length <= chars.Length && Encoding.UTF8.TryGetChars(bytes, chars, out var length)
            ? SqliteTime.Parse(chars[..length])
            : SqliteTime.Parse(Encoding.UTF8.GetString(bytes));
    }

    private static double? Number(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_double(statement, column);

    /// <summary>One string per distinct text value of a read.</summary>
    private sealed class Texts
    {
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
        private char[] _chars = new char[256];

        public string? Get(sqlite3_stmt statement, int column)
        {
            if (raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL)
            {
                return null;
            }
            var bytes = raw.sqlite3_column_blob(statement, column);
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
