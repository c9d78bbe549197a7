using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Bench.Benchmarks.Interactions;

/// <summary>
/// The plans of the benchmark's list page and of the metrics' histogram reads, printed (option explain=true) so a run
/// shows which index each one takes. The SQL is what EF generates for them, written out by hand.
/// </summary>
internal static class InteractionPlans
{
    public static async Task PrintAsync(DatabaseInfo database, DateTime from, DateTime to)
    {
        var postgres = database.Provider == DatabaseProvider.PostgreSql;
        var (firstDay, endDay) = ((long)Math.Ceiling((from - DateTime.UnixEpoch).TotalDays), (long)Math.Floor((to - DateTime.UnixEpoch).TotalDays));
        var queries = new Dictionary<string, string>
        {
            ["list page (model, status)"] = "SELECT id FROM interactions WHERE (model = 'gpt-4o' OR (model IS NULL AND model_requested = 'gpt-4o')) " +
                "AND status = 'completed' ORDER BY created_at DESC, id DESC LIMIT 50",
            ["daily latency histogram"] = "SELECT day, bucket, SUM(count), SUM(sum_ms) FROM interaction_daily_latency_buckets " +
                $"WHERE day >= {firstDay} AND day < {endDay} GROUP BY day, bucket",
            ["hourly rollups"] = "SELECT hour / 24, type, model, status, SUM(count), SUM(cost_usd) FROM interaction_rollups " +
                $"WHERE hour >= {firstDay * 24} AND hour < {endDay * 24} GROUP BY hour / 24, type, model, status",
        };
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, database);
        await using var db = new PlatformDbContext(options.Options);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var (name, sql) in queries)
        {
            Console.WriteLine($"  plan, {name}:");
            await using var command = connection.CreateCommand();
            command.CommandText = (postgres ? "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " : "EXPLAIN QUERY PLAN ") + sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + Line(reader, postgres));
            }
        }
    }

    // SQLite's EXPLAIN QUERY PLAN rows are (id, parent, notused, detail).
    private static string Line(DbDataReader reader, bool postgres) => postgres ? reader.GetString(0) : reader.GetString(3);
}
