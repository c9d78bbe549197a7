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
}
