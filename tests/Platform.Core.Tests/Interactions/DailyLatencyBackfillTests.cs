using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Core.Interactions;
using Platform.Core.Interactions.Rollups;
using Platform.Core.Tests.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Interactions;

/// <summary>
/// Migration InteractionDailyLatency fills the daily latency histogram from the rows already there, and the triggers
/// it recreates keep it for rows written afterwards: both equal the histogram computed from the raw rows.
/// </summary>
public abstract class DailyLatencyBackfillTests(bool postgres, PostgresServer server) : IDisposable
{
    private readonly TempDirectory _directory = new("daily-backfill");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime Day = new(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_migration_backfills_the_daily_histogram_and_the_triggers_keep_it()
    {
        var database = postgres ? await TestDatabases.PostgresAsync(server) : TestDatabases.Sqlite(_directory);
        await using var db = TestDatabases.Context(database);
        var migrations = db.Database.GetMigrations().ToList();
        var daily = migrations.FindIndex(m => m.EndsWith("_InteractionDailyLatency", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[daily - 1], cancellationToken: Ct);

        var owner = Guid.NewGuid();
        db.Interactions.AddRange(
            Row(Day.AddHours(1), null, 120.5), Row(Day.AddHours(23.9), owner, 120.7), Row(Day.AddHours(25), owner, 3000),
            Row(Day.AddHours(26), null, null), Row(Day.AddHours(49), owner, 5));
        await db.SaveChangesAsync(Ct);
        await db.Database.MigrateAsync(Ct);
        Assert.Equal(Expected(await db.Interactions.AsNoTracking().ToListAsync(Ct)), await StoredAsync(db));

        db.Interactions.Add(Row(Day.AddHours(2), owner, 120.2));
        await db.SaveChangesAsync(Ct);
        var moved = await db.Interactions.SingleAsync(i => i.LatencyMs == 3000, Ct);
        moved.LatencyMs = 900;
        await db.SaveChangesAsync(Ct);
        Assert.Equal(Expected(await db.Interactions.AsNoTracking().ToListAsync(Ct)), await StoredAsync(db));
    }

    private static Interaction Row(DateTime at, Guid? owner, double? latency) => new()
    {
        Type = "chat", Status = InteractionStatus.Completed, CreatedAt = at, OwnerUserId = owner, LatencyMs = latency,
    };

    private static List<string> Expected(List<Interaction> rows) => rows.Where(r => r.LatencyMs is not null)
        .GroupBy(r => ((long)Math.Floor((r.CreatedAt - DateTime.UnixEpoch).TotalDays), r.OwnerUserId ?? Guid.Empty, LatencyBuckets.Of(r.LatencyMs!.Value)))
        .Select(g => Line(g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Count(), g.Sum(r => r.LatencyMs!.Value)))
        .Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> StoredAsync(Platform.Core.Data.PlatformDbContext db) =>
        (await db.Set<InteractionDailyLatencyBucket>().AsNoTracking().Where(b => b.Count != 0).ToListAsync(Ct))
        .Select(b => Line(b.Day, b.OwnerUserId, b.Bucket, b.Count, b.SumMs)).Order(StringComparer.Ordinal).ToList();

    private static string Line(long day, Guid owner, int bucket, long count, double sum) =>
        FormattableString.Invariant($"{day} {owner} {bucket}: {count} x, {sum:0.###} ms");

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class DailyLatencyBackfillTestsOnSqlite(PostgresServer server) : DailyLatencyBackfillTests(postgres: false, server);

public sealed class DailyLatencyBackfillTestsOnPostgres(PostgresServer server) : DailyLatencyBackfillTests(postgres: true, server);
