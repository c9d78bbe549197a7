using Npgsql;
using Platform.Api.Tests.Jobs;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Interactions;

/// <summary>PostgreSQL down at stop: the acknowledged records go to the spill file, and the next start stores them.</summary>
public sealed class SpillReplayTests(FakeLlmServer fake) : IClassFixture<FakeLlmServer>, IDisposable
{
    private const int Queued = 50;
    private readonly TempDirectory _directory = new("spill");

    [Fact]
    public async Task Records_the_database_cannot_take_at_stop_are_spilled_and_replayed_by_the_next_start()
    {
        fake.Reset();
        // A server of its own: this test stops it, and other tests share the assembly's.
        await using var server = new PostgresServer();
        await server.InitializeAsync();
        var connectionString = await server.CreateDatabaseAsync("spill");
        var ledger = new InteractionLedger(connectionString, _directory.Path);

        await using (var api = new ApiFactory(connectionString, JobsTestBase.Settings(fake), _directory.Path))
        {
            using var client = api.CreateClient(ApiFactory.AdminKey);
            Assert.True(await ledger.ChatAsync(client, "warm up"));
            await InteractionLedger.WaitUntilAsync(async () => await ledger.StoredCountAsync() == 1, "the first interaction stored");

            // Without its table the writer fails (a transient error, retried), so the next records are certainly
            // still queued when the server goes down.
            await ExecuteAsync(connectionString, "ALTER TABLE interactions RENAME TO interactions_away");
            for (var i = 0; i < Queued; i++)
            {
                Assert.True(await ledger.ChatAsync(client, $"queued {i}"));
            }
            server.Stop();
            await api.Host.StopAsync(CancellationToken.None);
        }
        var spilled = ledger.SpilledCount();
        Assert.Equal(Queued, spilled);

        await server.StartAgainAsync();
        // Pooled connections died with the server; start the next Api on fresh ones.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await ExecuteAsync(connectionString, "ALTER TABLE interactions_away RENAME TO interactions");
        Assert.Equal(1, await ledger.StoredCountAsync());

        await using (var next = new ApiFactory(connectionString, JobsTestBase.Settings(fake), _directory.Path))
        {
            using var _ = next.CreateClient(ApiFactory.AdminKey);
            await InteractionLedger.WaitUntilAsync(() => Task.FromResult(ledger.SpillFilesLeft() == 0), "the spill file replayed and removed");
            Assert.Equal(1 + Queued, await ledger.StoredCountAsync());
        }
        ledger.Report("PostgreSQL stopped before the Api", foundAfterStop: 1, spilled, replayed: spilled);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public void Dispose() => _directory.Dispose();
}
