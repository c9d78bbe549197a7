using Platform.Core.Interactions;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Contracts;

/// <summary>Contracts:TimeoutSeconds bounds the whole model call: a model that does not answer in time gets the heuristic's answer.</summary>
public abstract class ContractTimeoutTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : ContractsTestBase(storage, postgres, fake)
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        base.Configure(settings);
        settings["Contracts:TimeoutSeconds"] = "1";
    }

    [Fact]
    public async Task A_model_slower_than_the_timeout_gives_the_heuristic_result_and_counts_as_a_failure()
    {
        await SeedPainAsync("ann");
        Fake.Always(FakeFault.Delay(TimeSpan.FromMinutes(2)));

        var (contract, path) = await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract() });

        Assert.Equal("heuristic", path);
        Assert.Equal(1, (await GetAsync("/api/contracts/circuit-breaker")).GetProperty("consecutiveFailures").GetInt32());
        var recorded = await InteractionAsync(contract);
        Assert.Equal((InteractionStatus.Failed, "timeout"), (recorded.Status, recorded.ErrorType));
    }
}

public sealed class ContractTimeoutTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : ContractTimeoutTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class ContractTimeoutTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : ContractTimeoutTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
