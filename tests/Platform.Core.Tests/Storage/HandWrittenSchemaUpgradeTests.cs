using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Users;
using Platform.Testing;

namespace Platform.Core.Tests.Storage;

/// <summary>
/// Databases built by the hand-written migrations of earlier versions (their schema captured in LegacySchema/) upgrade in
/// place to the generated migrations: same schema as a new database, rows kept, every entity stored and read back.
/// </summary>
public sealed class HandWrittenSchemaUpgradeTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Upgraded_database_has_exactly_the_schema_of_a_new_one(DatabaseProvider provider)
    {
        var upgraded = await LegacyDatabaseAsync(provider);
        await MigrationTests.MigrateAsync(upgraded);
        var created = await EmptyDatabaseAsync(provider, "new");
        await MigrationTests.MigrateAsync(created);

        Assert.Equal(await SchemaDescription.ReadAsync(created), await SchemaDescription.ReadAsync(upgraded));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Upgraded_database_keeps_its_rows_and_round_trips_every_entity(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await LegacyDatabaseAsync(provider);
        // Written with the old schema's columns only: today's model has columns the old schema does not.
        var existingId = Guid.CreateVersion7();
        await using (var db = TestDatabases.Context(database))
        {
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                ? $"INSERT INTO users (id, name, email, role, created_at, updated_at) VALUES ('{existingId.ToString().ToUpperInvariant()}', 'Old', 'old@example.com', 'member', '2026-11-30 12:00:00', '2026-11-30 12:00:00')"
                : $"INSERT INTO users (id, name, email, role, created_at, updated_at) VALUES ('{existingId}', 'Old', 'old@example.com', 'member', '2026-11-30 12:00:00+00', '2026-11-30 12:00:00+00')", ct);
        }

        await MigrationTests.MigrateAsync(database);

        await using (var db = TestDatabases.Context(database))
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
            var baseline = db.Database.GetMigrations().First();
            Assert.Contains(baseline, await db.Database.GetAppliedMigrationsAsync(ct));
            Assert.Equal("old@example.com", (await db.Users.SingleAsync(u => u.Id == existingId, ct)).Email);
            await db.Users.Where(u => u.Id == existingId).ExecuteDeleteAsync(ct);
        }
        await EntityRoundTrip.AssertAsync(database);
    }

    [Fact]
    public async Task Hand_written_history_that_stops_early_is_refused_naming_where_it_stopped()
    {
        var database = await LegacyDatabaseAsync(DatabaseProvider.Sqlite);
        await using (var db = TestDatabases.Context(database))
        {
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '20261201100000_UserDisabled'", TestContext.Current.CancellationToken);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrationTests.MigrateAsync(database));
        Assert.Contains("20261201000000_JobOutputs", error.Message);
    }

    /// <summary>A database as the hand-written migrations left it, from the script captured for its provider.</summary>
    private async Task<DatabaseInfo> LegacyDatabaseAsync(DatabaseProvider provider)
    {
        var database = await EmptyDatabaseAsync(provider, "legacy");
        var script = await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Storage", "LegacySchema", provider == DatabaseProvider.Sqlite ? "sqlite.sql" : "postgresql.sql"),
            TestContext.Current.CancellationToken);
        await using var db = TestDatabases.Context(database);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = script;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return database;
    }

    private async Task<DatabaseInfo> EmptyDatabaseAsync(DatabaseProvider provider, string name) =>
        provider == DatabaseProvider.Sqlite
            ? DatabaseSelector.Select($"Data Source={Path.Combine(_directory.Path, name + ".db")}", _directory.Path)
            : await TestDatabases.PostgresAsync(postgres);

    public void Dispose() => _directory.Dispose();
}
