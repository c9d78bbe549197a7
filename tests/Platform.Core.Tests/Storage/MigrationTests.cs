using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Tests.Jobs;
using Platform.Core.Users;
using Platform.Testing;

namespace Platform.Core.Tests.Storage;

/// <summary>The hand-written migrations build, on an empty database of each provider, the schema the model expects.</summary>
public sealed class MigrationTests(PostgresServer postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Migrations_create_on_empty_sqlite_every_column_the_model_maps() =>
        await AssertSchemaMatchesModel(TestDatabases.Sqlite(_directory));

    [Fact]
    public async Task Migrations_create_on_empty_postgres_every_column_the_model_maps() =>
        await AssertSchemaMatchesModel(await TestDatabases.PostgresAsync(postgres));

    [Fact]
    public async Task Every_entity_round_trips_on_sqlite() => await AssertRoundTrip(TestDatabases.Sqlite(_directory));

    [Fact]
    public async Task Every_entity_round_trips_on_postgres() => await AssertRoundTrip(await TestDatabases.PostgresAsync(postgres));

    [Fact]
    public async Task Sqlite_database_runs_in_wal_mode_after_migration()
    {
        var database = TestDatabases.Sqlite(_directory);
        await MigrateAsync(database);
        await using var db = TestDatabases.Context(database);
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task Migrating_twice_is_a_no_op()
    {
        var database = TestDatabases.Sqlite(_directory);
        await MigrateAsync(database);
        await MigrateAsync(database);
        await using var db = TestDatabases.Context(database);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    private static async Task AssertSchemaMatchesModel(DatabaseInfo database)
    {
        await MigrateAsync(database);
        await using var db = TestDatabases.Context(database);
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            // Complex properties (a user's and a key's limits) are columns of their owner's table.
            var expected = entity.GetProperties()
                .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
                .Select(p => p.GetColumnName()).Order().ToList();
            Assert.Equal(expected, await ColumnsOf(db.Database.GetDbConnection(), table));
        }
    }

    private static async Task<List<string>> ColumnsOf(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        return (await reader.GetColumnSchemaAsync(TestContext.Current.CancellationToken)).Select(c => c.ColumnName).Order().ToList();
    }

    private static async Task AssertRoundTrip(DatabaseInfo database)
    {
        await MigrateAsync(database);
        var created = new DateTime(2026, 11, 22, 10, 30, 15, 123, DateTimeKind.Utc);
        var user = new User { Name = "Ann", Email = "ann@example.com", Role = UserRole.Admin, CreatedAt = created, UpdatedAt = created, DisabledAt = created.AddDays(1) };
        var key = new ApiKey { UserId = user.Id, Name = "ci", Prefix = "plk_abcdefgh", Hash = new string('a', 64), Scope = ApiKeyScope.Ingest, CreatedAt = created, LastUsedAt = created.AddMinutes(5) };
        var interaction = TestEntities.FullInteraction(user.Id, created);
        var job = TestJobs.FullJob(user.Id, created);
        await using (var db = TestDatabases.Context(database))
        {
            // Guards the round trip against a new entity that nobody added here.
            Assert.Equal(["ApiKey", "Interaction", "Job", "User"], db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Order());
            db.Users.Add(user);
            db.ApiKeys.Add(key);
            db.Interactions.Add(interaction);
            db.Jobs.Add(job);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = TestDatabases.Context(database))
        {
            var loadedUser = await db.Users.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equivalent(new { user.Id, user.Name, user.Email, user.Role, CreatedAt = created, UpdatedAt = created, DisabledAt = (DateTime?)created.AddDays(1) }, loadedUser);
            Assert.Equal(DateTimeKind.Utc, loadedUser.CreatedAt.Kind);
            var loadedKey = await db.ApiKeys.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equivalent(new { key.Id, key.UserId, key.Name, key.Prefix, key.Hash, key.Scope, CreatedAt = created, LastUsedAt = (DateTime?)created.AddMinutes(5) }, loadedKey);
            var stored = await db.Database.SqlQueryRaw<string>("SELECT scope AS \"Value\" FROM api_keys").SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal("ingest", stored);

            var loadedInteraction = await db.Interactions.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equivalent(interaction, loadedInteraction, strict: true);
            Assert.Equivalent(job, await db.Jobs.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken), strict: true);
            var priority = await db.Database.SqlQueryRaw<string>("SELECT priority AS \"Value\" FROM jobs").SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal("low", priority);

            db.Users.Remove(loadedUser);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.False(await db.ApiKeys.AnyAsync(TestContext.Current.CancellationToken), "deleting a user deletes their keys");
        }
    }

    internal static async Task MigrateAsync(DatabaseInfo database)
    {
        var services = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
            .AddDbContext<PlatformDbContext>(o => StorageExtensions.Configure(o, database))
            .BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(services, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _directory.Dispose();
}
