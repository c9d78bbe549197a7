using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Core.Tests.Storage;

/// <summary>The generated migrations build, on an empty database of each provider, the schema the model expects.</summary>
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
    public async Task Every_entity_round_trips_on_sqlite() => await MigrateAndRoundTrip(TestDatabases.Sqlite(_directory));

    [Fact]
    public async Task Every_entity_round_trips_on_postgres() => await MigrateAndRoundTrip(await TestDatabases.PostgresAsync(postgres));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_model_has_no_change_that_lacks_a_migration(DatabaseProvider provider)
    {
        using var db = DesignTimeContext.Create(provider);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model differs from the {provider} migrations' snapshot: run scripts/add-migration.sh <Name> (docs/migrations.md).");
    }

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

    private static async Task MigrateAndRoundTrip(DatabaseInfo database)
    {
        await MigrateAsync(database);
        await EntityRoundTrip.AssertAsync(database);
    }

    internal static async Task MigrateAsync(DatabaseInfo database)
    {
        var services = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(database)
            .AddDbContext<PlatformDbContext>(o => StorageExtensions.Configure(o, database))
            .BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(services, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _directory.Dispose();
}
