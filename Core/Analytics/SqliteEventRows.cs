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
        var texts = new EventTexts();
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
                    Time(row), Text(texts, row, 1)!, Text(texts, row, 2), Text(texts, row, 3), Text(texts, row, 4),
                    Text(texts, row, 5), Number(row, 6), Number(row, 7), Number(row, 8)));
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

    private static string? Text(EventTexts texts, nint row, int column) =>
        SqliteColumns.IsNull(row, column) ? null : texts.Get(SqliteColumns.Bytes(row, column));
}
