using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Core.Tests.Storage;

/// <summary>What real drivers throw when the database is away or busy counts as an outage; a broken statement does not.</summary>
public sealed class DatabaseOutageTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_postgresql_server_that_is_not_listening_is_an_outage_also_when_wrapped()
    {
        var connectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Infra.FreePort(), Username = "nobody", Timeout = 5 }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync(TestContext.Current.CancellationToken));

        Assert.True(DatabaseOutage.IsOutage(refused));
        Assert.True(DatabaseOutage.IsOutage(new DbUpdateException("wrapped", refused)));
    }

    [Fact]
    public async Task A_locked_sqlite_file_is_an_outage_and_a_constraint_violation_is_not()
    {
        var path = Path.Combine(_directory.Path, "busy.db");
        await using var holder = new SqliteConnection($"Data Source={path}");
        await holder.OpenAsync(TestContext.Current.CancellationToken);
        await Execute(holder, "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1); BEGIN EXCLUSIVE;");

        await using var other = new SqliteConnection($"Data Source={path};Default Timeout=1");
        await other.OpenAsync(TestContext.Current.CancellationToken);
        var busy = await Assert.ThrowsAsync<SqliteException>(() => Execute(other, "INSERT INTO t VALUES (2);"));
        Assert.True(DatabaseOutage.IsOutage(busy));

        await Execute(holder, "COMMIT;");
        var duplicate = await Assert.ThrowsAsync<SqliteException>(() => Execute(other, "INSERT INTO t VALUES (1);"));
        Assert.False(DatabaseOutage.IsOutage(duplicate));
        Assert.False(DatabaseOutage.IsOutage(new DbUpdateException("wrapped", duplicate)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
