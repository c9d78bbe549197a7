using Platform.Api.Tests.Jobs;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Interactions;

/// <summary>A graceful stop in the middle of a chat load: every interaction the Api acknowledged is kept.</summary>
public abstract class StopUnderLoadTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : IDisposable
{
    private const int Clients = 8;
    private const int AcknowledgedBeforeStop = 400;
    private readonly TempDirectory _directory = new("stop");

    [Fact]
    public async Task Stopping_the_api_under_load_loses_no_acknowledged_interaction()
    {
        fake.Reset();
        var connectionString = storage == Storage.Postgres
            ? await postgres.CreateDatabaseAsync("stop")
            : $"Data Source={Path.Combine(_directory.Path, "api.db")}";
        var ledger = new InteractionLedger(connectionString, _directory.Path);

        await using (var api = new ApiFactory(connectionString, JobsTestBase.Settings(fake), _directory.Path))
        {
            using var client = api.CreateClient(ApiFactory.AdminKey);
            Assert.True(await ledger.ChatAsync(client, "warm up"));
            var stopped = false;
            var load = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                for (var i = 0; !Volatile.Read(ref stopped); i++)
                {
                    await ledger.ChatAsync(client, $"load {c}-{i}");
                }
            })).ToArray();
            await InteractionLedger.WaitUntilAsync(() => Task.FromResult(ledger.Acknowledged.Count >= AcknowledgedBeforeStop), "acknowledged calls before the stop");

            await api.Host.StopAsync(CancellationToken.None);
            Volatile.Write(ref stopped, true);
            await Task.WhenAll(load);
        }

        var found = await ledger.StoredCountAsync();
        var spilled = ledger.SpilledCount();
        // Nothing is dropped: what is not in the database is in the spill folder (calls answered while stopping).
        Assert.Equal(ledger.Acknowledged.Count, found + spilled);
        if (spilled > 0)
        {
            await using var next = new ApiFactory(connectionString, JobsTestBase.Settings(fake), _directory.Path);
            using var _ = next.CreateClient(ApiFactory.AdminKey);
            await InteractionLedger.WaitUntilAsync(() => Task.FromResult(ledger.SpillFilesLeft() == 0), "the spill folder replayed");
        }
        Assert.Equal(ledger.Acknowledged.Count, await ledger.StoredCountAsync());
        ledger.Report($"stop under load on {storage}", found, spilled, spilled);
    }

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class StopUnderLoadTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : StopUnderLoadTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class StopUnderLoadTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : StopUnderLoadTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
