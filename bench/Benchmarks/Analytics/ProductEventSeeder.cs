using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Bench.Benchmarks.Analytics;

/// <summary>
/// Synthetic product events of one user: sessions of page views, taps (with the odd rage burst), form inputs and submits,
/// errors with a few repeating messages, dwell times; plus as many events of other users around them.
/// </summary>
internal static class ProductEventSeeder
{
    private static readonly string[] Types = ["pageview", "tap", "tap", "tap", "click", "scroll", "input", "input", "submit", "success", "error", "dwell", "pageleave"];
    private static readonly string[] Messages = ["Card declined", "Network error", "Invalid email", "Timeout"];

    public static async Task SeedAsync(DatabaseInfo database, string userId, int events, int others, int batch)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, database);
        var random = new Random(42);
        var start = DateTime.UtcNow.AddDays(-30);
        var at = start;
        var rows = new List<ProductEvent>(batch);
        for (var i = 0; i < events + others; i++)
        {
            var mine = i < events;
            at = at.AddMilliseconds(random.Next(4) == 0 ? random.Next(50, 900) : random.Next(1000, 20_000));
            var type = Types[random.Next(Types.Length)];
            rows.Add(new ProductEvent
            {
                UserId = mine ? userId : $"other-{random.Next(1000)}",
                SessionId = $"s{i / 200}",
                EventType = type,
                ComponentId = type is "pageview" or "pageleave" ? null : $"component-{random.Next(60)}",
                Page = $"/page/{random.Next(20)}",
                Message = type == "error" ? Messages[random.Next(Messages.Length)] : null,
                DurationMs = type == "dwell" ? random.Next(1000, 200_000) : null,
                X = type is "tap" or "click" ? random.Next(400) : null,
                Y = type is "tap" or "click" ? random.Next(800) : null,
                Timestamp = mine ? at : start.AddSeconds(random.Next(30 * 86_400)),
                ReceivedAt = at,
            });
            if (rows.Count == batch)
            {
                await FlushAsync(options.Options, rows);
            }
        }
        await FlushAsync(options.Options, rows);
    }

    private static async Task FlushAsync(DbContextOptions<PlatformDbContext> options, List<ProductEvent> rows)
    {
        await using var db = new PlatformDbContext(options);
        await BulkInsert.InsertAsync(db, rows);
        rows.Clear();
    }
}
