using Npgsql;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>The test kit's PostgreSQL server for a benchmark's postgres half.</summary>
internal static class BenchPostgres
{
    /// <summary>A running server, or null (after saying why) when none can start on this machine.</summary>
    public static async Task<PostgresServer?> StartAsync()
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        if (postgres.Available)
        {
            return postgres;
        }
        Console.WriteLine($"postgres: skipped, {postgres.SkipReason ?? "the server did not start"}");
        await postgres.DisposeAsync();
        return null;
    }

    /// <summary>The test server starts with durability off; these settings reload without a restart.</summary>
    public static async Task MakeDurableAsync(string adminConnectionString)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     "ALTER SYSTEM SET fsync = on", "ALTER SYSTEM SET synchronous_commit = on",
                     "ALTER SYSTEM SET full_page_writes = on", "SELECT pg_reload_conf()",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
