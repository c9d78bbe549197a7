using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Core.Tests.Storage;

public sealed class BulkInsertTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Bulk_inserted_rows_read_back_through_ef_unchanged_on_sqlite() => await AssertRoundTrip(TestDatabases.Sqlite(_directory));

    [Fact]
    public async Task Bulk_inserted_rows_read_back_through_ef_unchanged_on_postgres() => await AssertRoundTrip(await TestDatabases.PostgresAsync(postgres));

    private static async Task AssertRoundTrip(DatabaseInfo database)
    {
        await MigrationTests.MigrateAsync(database);
        var created = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 250).Select(i =>
        {
            var row = TestEntities.FullInteraction(Guid.CreateVersion7(), created.AddSeconds(i));
            row.Response = $"answer {i}";
            if (i % 2 == 0)
            {
                // Nulls in every nullable column on half the rows.
                (row.Response, row.CostUsd, row.OwnerUserId, row.CompletedAt, row.InputTokens) = (null, null, null, null, null);
            }
            return row;
        }).ToList();

        await using (var db = TestDatabases.Context(database))
        {
            await BulkInsert.InsertAsync(db, rows, TestContext.Current.CancellationToken);
        }
        await using (var db = TestDatabases.Context(database))
        {
            var stored = await db.Interactions.AsNoTracking().OrderBy(i => i.CreatedAt).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(rows.Count, stored.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equivalent(rows[i], stored[i], strict: true);
            }
            // Queries by key and by time still find the rows: the stored formats are the ones EF reads and compares.
            Assert.NotNull(await db.Interactions.FindAsync([rows[7].Id], TestContext.Current.CancellationToken));
            Assert.Equal(50, await db.Interactions.CountAsync(i => i.CreatedAt >= created.AddSeconds(200), TestContext.Current.CancellationToken));
        }
    }

    public void Dispose() => _directory.Dispose();
}
