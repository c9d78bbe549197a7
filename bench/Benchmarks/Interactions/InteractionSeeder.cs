using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Interactions;

namespace Platform.Bench.Benchmarks.Interactions;

/// <summary>Bulk-inserts synthetic interactions spread evenly over the last <c>days</c> days, in batches.</summary>
internal static class InteractionSeeder
{
    private static readonly string[] Models = ["gpt-4o-mini", "gpt-4o", "claude-haiku", "llama-3"];
    private static readonly string[] Types = ["chat", "job", "contract", "playground"];
    // Verdicts in the verdict column, as the feedback endpoint writes them (the feedback column holds thumbs ratings).
    private static readonly string?[] Verdicts = [null, null, null, "accepted", "rejected", "modified"];

    public static async Task<int> CountAsync(DatabaseInfo database)
    {
        await using var db = Open(database);
        return await db.Interactions.CountAsync();
    }

    /// <summary>The newest row's time, so a reused database is queried over the same window as when it was seeded.</summary>
    public static async Task<DateTime?> NewestAsync(DatabaseInfo database)
    {
        await using var db = Open(database);
        return await db.Interactions.MaxAsync(i => (DateTime?)i.CreatedAt);
    }

    /// <summary>
    /// PostgreSQL: fresh planner statistics after the bulk load, as a production bulk import needs too (autovacuum's
    /// ANALYZE comes only later, and until then the planner guesses). SQLite keeps no statistics unless asked, and the
    /// platform never asks, so nothing there.
    /// </summary>
    public static async Task AnalyzeAsync(DatabaseInfo database)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await using var db = Open(database);
            await db.Database.ExecuteSqlRawAsync("ANALYZE interactions");
        }
    }

    private static PlatformDbContext Open(DatabaseInfo database)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, database);
        return new PlatformDbContext(options.Options);
    }

    public static async Task SeedAsync(DatabaseInfo database, int rows, int days, int batch, DateTime now)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, database);
        var random = new Random(42);
        var span = TimeSpan.FromDays(days).Ticks;
        var prompt = "Write a short product description for item {0}, with a friendly tone, for the audience: developers. " + new string('x', 80);
        for (var start = 0; start < rows; start += batch)
        {
            var items = new List<Interaction>(batch);
            for (var i = start; i < Math.Min(rows, start + batch); i++)
            {
                var at = now.AddTicks(-span + (span / rows * i));
                var failed = random.Next(20) == 0;
                items.Add(new Interaction
                {
                    Id = Guid.CreateVersion7(new DateTimeOffset(at)), Type = Types[i % Types.Length],
                    Status = failed ? InteractionStatus.Failed : InteractionStatus.Completed, Source = "api",
                    Model = Models[random.Next(Models.Length)], Provider = "openai",
                    RenderedPrompt = string.Format(null, prompt, i), Response = failed ? null : "A friendly, concise description, number " + i + ".",
                    ErrorMessage = failed ? "provider timeout" : null, InputTokens = 60, OutputTokens = 40, TotalTokens = 100,
                    CostUsd = 0.0001 * (1 + random.Next(10)), LatencyMs = 200 + random.Next(2000), Verdict = Verdicts[random.Next(Verdicts.Length)],
                    QualityScore = random.Next(4) == 0 ? random.Next(101) : null, MissingVariablesJson = random.Next(10) == 0 ? "[\"tone\"]" : "[]",
                    InputVariablesJson = "{\"item\":" + i + "}", CreatedAt = at, CompletedAt = at,
                });
            }
            await using var db = new PlatformDbContext(options.Options);
            await BulkInsert.InsertAsync(db, items);
        }
    }
}
