using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Tests.Storage;

/// <summary>
/// A database's schema as sorted lines (columns with type, nullability and default; keys, foreign keys and indexes with
/// their names and definitions; PostgreSQL's functions and triggers), so that two databases compare line by line.
/// EF Core's own history and lock tables are left out.
/// </summary>
internal static partial class SchemaDescription
{
    private const string SqliteTables = "t.type = 'table' AND t.name NOT LIKE '\\_\\_EF%' ESCAPE '\\'";

    private static readonly string[] SqliteQueries =
    [
        $"SELECT 'column ' || t.name || '.' || c.name || ' ' || c.type || ' notnull=' || c.\"notnull\" || ' default=' || ifnull(c.dflt_value, '-') || ' pk=' || c.pk FROM sqlite_master t, pragma_table_info(t.name) c WHERE {SqliteTables}",
        $"SELECT 'fk ' || t.name || '.' || f.\"from\" || ' -> ' || f.\"table\" || '.' || f.\"to\" || ' on delete ' || f.on_delete || ' on update ' || f.on_update FROM sqlite_master t, pragma_foreign_key_list(t.name) f WHERE {SqliteTables}",
        // Key and foreign-key names exist only in the table's text; ConstraintNames picks them out of it.
        $"SELECT 'table ' || t.name || ' ' || t.sql FROM sqlite_master t WHERE {SqliteTables}",
        "SELECT 'index ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE '\\_\\_EF%' ESCAPE '\\'",
    ];

    private static readonly string[] PostgresQueries =
    [
        "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-') FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\\_\\_EF%'",
        "SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '\"\\_\\_EF%'",
        "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'",
        "SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
        "SELECT 'function ' || pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
    ];

    public static async Task<List<string>> ReadAsync(DatabaseInfo database)
    {
        await using var db = TestDatabases.Context(database);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        foreach (var query in database.Provider == DatabaseProvider.Sqlite ? SqliteQueries : PostgresQueries)
        {
            lines.AddRange(await LinesAsync(connection, query));
        }
        return lines.Select(ConstraintNames).Order(StringComparer.Ordinal).ToList();
    }

    private static string ConstraintNames(string line)
    {
        if (!line.StartsWith("table ", StringComparison.Ordinal))
        {
            return line;
        }
        var names = ConstraintName().Matches(line).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").Order(StringComparer.Ordinal);
        return $"table {line.Split(' ')[1]} constraints {string.Join(", ", names)}";
    }

    private static async Task<List<string>> LinesAsync(DbConnection connection, string query)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }

    [GeneratedRegex("CONSTRAINT \"(\\w+)\" (PRIMARY KEY|FOREIGN KEY)")]
    private static partial Regex ConstraintName();
}
