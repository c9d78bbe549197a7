using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Interactions;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Contracts;

/// <summary>Synchronous generation through the real gateway to the fake provider: the model's path and each fallback.</summary>
public abstract class ContractGenerationTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : ContractsTestBase(storage, postgres, fake)
{
    [Fact]
    public async Task A_valid_answer_is_merged_into_the_base_validated_stored_and_recorded_as_a_contract_interaction()
    {
        await SeedPainAsync("ann");
        Fake.Reply = ValidAnswer;

        var (contract, path) = await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract(), version = "1.4.9" });

        Assert.Equal("openai", path);
        Assert.Equal(("ann", "1.4.10"), (contract.GetProperty("userId").GetString(), contract.GetProperty("version").GetString()));
        var meta = contract.GetProperty("meta");
        Assert.Equal(("openai", "gpt-4o-mini", "Checkout of the shop"), (meta.GetProperty("optimizedBy").GetString(),
            meta.GetProperty("optimizedByModel").GetString(), meta.GetProperty("description").GetString()));
        Assert.StartsWith("A clear label", meta.GetProperty("optimizationExplanation").GetString());
        Assert.Equal(0.4286, meta.GetProperty("analytics").GetProperty("errorRate").GetDouble());
        Assert.Equal(meta.GetRawText(), contract.GetProperty("json").GetProperty("meta").GetRawText());
        var pay = contract.GetProperty("json").GetProperty("pagesUI").GetProperty("pages").GetProperty("checkout").GetProperty("components")[0];
        Assert.Equal(("Pay now", true), (pay.GetProperty("label").GetString(), pay.GetProperty("disabledWhileSubmitting").GetBoolean()));
        Assert.Contains("hero-banner", Components(contract, "home"));
        Assert.Equal("json_object", Fake.LastRequest.ResponseFormat);

        var stored = await GetAsync($"/api/contracts/{contract.GetProperty("id").GetGuid()}");
        Assert.Equal(contract.GetProperty("json").GetRawText(), stored.GetProperty("json").GetRawText());
        var interaction = await InteractionAsync(contract);
        Assert.Equal(("contract", InteractionStatus.Completed, "ann"), (interaction.Type, interaction.Status, interaction.EndUserId));
        Assert.Contains("Pay now", interaction.StructuredOutputJson);
        Assert.Contains("\"contractPath\":\"openai\"", interaction.MetadataJson);
    }

    [Fact]
    public async Task A_base_without_meta_gets_one_and_a_base_metas_own_fields_are_kept()
    {
        Fake.Reply = ValidAnswer;
        var bare = BaseContract();
        bare.Remove("meta");
        var (fromBare, path) = await GenerateOkAsync(new { userId = "ann", baseContract = bare });
        Assert.Equal("openai", path);
        Assert.False(fromBare.GetProperty("meta").TryGetProperty("description", out _));

        var titled = BaseContract();
        titled["meta"]!["title"] = "Shop";
        var (fromTitled, _) = await GenerateOkAsync(new { userId = "ann", baseContract = titled });
        Assert.Equal(("Shop", "Checkout of the shop"), (fromTitled.GetProperty("meta").GetProperty("title").GetString(),
            fromTitled.GetProperty("meta").GetProperty("description").GetString()));
    }

    [Fact]
    public async Task The_prompt_holds_the_distribution_error_rate_pain_points_and_only_the_affected_components()
    {
        await SeedPainAsync("ann");
        Fake.Reply = ValidAnswer;
        await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract() });

        var system = Fake.LastRequest.Messages.First(m => m.Role == "system").Text;
        var prompt = Fake.LastRequest.LastUserText;
        Assert.Contains("\"additionalProperties\":false", system);
        Assert.Contains("Do not invent fields", system);
        Assert.Contains("eventTypeDistribution: {", prompt);
        Assert.All(["\"tap\":3", "\"error\":3", "\"view\":1"], figure => Assert.Contains(figure, prompt));
        Assert.Contains("errorRate: 0.4286", prompt);
        Assert.Contains("\"type\":\"rage-click\",\"componentId\":\"pay-button\"", prompt);
        Assert.Contains("\"type\":\"error-pattern\",\"componentId\":\"card-number\"", prompt);
        Assert.Contains("Checkout of the shop", prompt);
        Assert.Contains("\"id\":\"pay-button\"", prompt);
        Assert.Contains("\"id\":\"card-number\"", prompt);
        Assert.DoesNotContain("address-form", prompt);
        Assert.DoesNotContain("hero-banner", prompt);
        Assert.DoesNotContain("\"home\"", prompt);
    }

    [Fact]
    public async Task An_answer_outside_the_schema_falls_back_to_the_heuristic_whose_contract_is_valid_and_stored()
    {
        await SeedPainAsync("ann");
        Fake.Reply = """{"contract":{"pagesUI":{"pages":{"checkout":{"components":[{"id":"pay-button","type":"button","glow":true}]}}}},"explanation":"shiny"}""";

        var (contract, path) = await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract() });

        Assert.Equal("heuristic", path);
        Assert.Equal("0.1.0", contract.GetProperty("version").GetString());
        var meta = contract.GetProperty("meta");
        Assert.Equal(JsonValueKind.Null, meta.GetProperty("optimizedByModel").ValueKind);
        Assert.Contains("does not match the schema", meta.GetProperty("optimizationExplanation").GetString());
        Assert.Equal(["rage-click pay-button: clearer label, disabled while submitting", "error-pattern card-number: inline validation hint"],
            meta.GetProperty("appliedRules").EnumerateArray().Select(r => r.GetString()));
        var checkout = contract.GetProperty("json").GetProperty("pagesUI").GetProperty("pages").GetProperty("checkout").GetProperty("components");
        Assert.Equal(("Pay button", true), (checkout[0].GetProperty("label").GetString(), checkout[0].GetProperty("disabledWhileSubmitting").GetBoolean()));
        Assert.Equal("Check this field: Card declined", checkout[1].GetProperty("validationHint").GetString());
        Assert.DoesNotContain("glow", contract.GetProperty("json").GetProperty("pagesUI").GetRawText());

        await GetAsync($"/api/contracts/{contract.GetProperty("id").GetGuid()}");
        var interaction = await InteractionAsync(contract);
        Assert.Equal((InteractionStatus.Failed, "contract_invalid_output"), (interaction.Status, interaction.ErrorType));
        Assert.Contains("glow", interaction.Response);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"explanation":"no contract"}""")]
    [InlineData("""{"contract":{"pagesUI":{"pages":{"checkout":{"components":[{"id":"pay-button","type":"button"}]}}}}}""")]
    public async Task An_answer_that_is_not_a_contract_and_explanation_falls_back_to_the_heuristic(string reply)
    {
        await SeedPainAsync("ann");
        Fake.Reply = reply;
        var (_, path) = await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract() });
        Assert.Equal("heuristic", path);
    }

    [Fact]
    public async Task A_provider_that_is_down_gives_the_heuristic_result()
    {
        await SeedPainAsync("ann");
        Fake.AlwaysFail(500, "upstream broke");

        var (contract, path) = await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract() });

        Assert.Equal("heuristic", path);
        Assert.Contains("could not be used", contract.GetProperty("meta").GetProperty("optimizationExplanation").GetString());
        var interaction = await InteractionAsync(contract);
        Assert.Equal(InteractionStatus.Failed, interaction.Status);
        Assert.Contains("upstream broke", interaction.ErrorMessage);
    }

    [Fact]
    public async Task The_offline_provider_cannot_revise_a_contract_so_the_rules_answer_under_its_name_and_no_failure_is_counted()
    {
        await SeedPainAsync("ann");

        var (contract, path) = await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract(), model = "offline" });

        Assert.Equal("offline", path);
        var meta = contract.GetProperty("meta");
        Assert.StartsWith("offline", meta.GetProperty("optimizedByModel").GetString());
        Assert.StartsWith("The offline provider answered", meta.GetProperty("optimizationExplanation").GetString());
        Assert.Equal(2, meta.GetProperty("appliedRules").GetArrayLength());
        Assert.Equal(0, (await GetAsync("/api/contracts/circuit-breaker")).GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(0, Fake.RequestCount);
        Assert.Equal(InteractionStatus.Completed, (await InteractionAsync(contract)).Status);
    }

    [Fact]
    public async Task When_no_rule_applies_the_safe_result_is_the_base_unchanged()
    {
        // No events for "zoe": no pain points, so no rule has anything to fix.
        Fake.AlwaysFail(503);

        var (contract, path) = await GenerateOkAsync(new { userId = "zoe", baseContract = BaseContract(), version = "2.0.0" });

        Assert.Equal("safe", path);
        Assert.Equal("2.0.1", contract.GetProperty("version").GetString());
        Assert.Equal(BaseContract()["pagesUI"]!.ToJsonString(), contract.GetProperty("json").GetProperty("pagesUI").GetRawText());
        var meta = contract.GetProperty("meta");
        Assert.Equal("safe", meta.GetProperty("optimizedBy").GetString());
        Assert.Contains("returned unchanged: the user has no pain points", meta.GetProperty("optimizationExplanation").GetString());
        Assert.Empty(meta.GetProperty("appliedRules").EnumerateArray());
    }

    [Fact]
    public async Task The_breaker_opens_after_repeated_failures_answers_with_the_fallback_without_the_model_and_reset_closes_it()
    {
        await SeedPainAsync("ann");
        Fake.AlwaysFail(500);
        Assert.Equal("closed", (await GetAsync("/api/contracts/circuit-breaker")).GetProperty("state").GetString());
        await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract() });
        var afterOne = await GetAsync("/api/contracts/circuit-breaker");
        Assert.Equal(("closed", 1, 2), (afterOne.GetProperty("state").GetString(), afterOne.GetProperty("consecutiveFailures").GetInt32(),
            afterOne.GetProperty("failureThreshold").GetInt32()));
        await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract() });

        var open = await GetAsync("/api/contracts/circuit-breaker");
        Assert.Equal(("open", 2, 600), (open.GetProperty("state").GetString(), open.GetProperty("consecutiveFailures").GetInt32(),
            open.GetProperty("breakSeconds").GetInt32()));
        Assert.NotEqual(JsonValueKind.Null, open.GetProperty("openedAt").ValueKind);
        Assert.InRange(open.GetProperty("retryAfterSeconds").GetInt32(), 1, 600);
        var requests = Fake.RequestCount;

        using (var refused = await GenerateAsync(new { userId = "ann", baseContract = BaseContract() }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal("heuristic", refused.Headers.GetValues("X-Contract-Fallback").Single());
            Assert.Equal("heuristic", refused.Headers.GetValues("X-Contract-Path").Single());
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
            var body = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains("circuit is open", body.GetProperty("meta").GetProperty("optimizationExplanation").GetString());
        }
        using (var safe = await GenerateAsync(new { userId = "zoe", baseContract = BaseContract() }))
        {
            Assert.Equal("safe", safe.Headers.GetValues("X-Contract-Fallback").Single());
        }
        Assert.Equal(requests, Fake.RequestCount);

        using var reset = await Admin.PostAsync("/api/contracts/circuit-breaker/reset", null, Ct);
        var closed = await reset.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("closed", 0), (closed.GetProperty("state").GetString(), closed.GetProperty("consecutiveFailures").GetInt32()));
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("openedAt").ValueKind);
        Fake.Heal();
        Fake.Reply = ValidAnswer;
        using var again = await GenerateAsync(new { userId = "ann", baseContract = BaseContract() });
        Assert.Equal("openai", again.Headers.GetValues("X-Contract-Path").Single());
        Assert.False(again.Headers.Contains("X-Contract-Fallback"));
        Assert.Equal(requests + 1, Fake.RequestCount);
    }

    [Fact]
    public async Task Without_a_base_the_latest_stored_version_is_the_base_and_versions_order_by_number()
    {
        await SeedPainAsync("ann");
        Fake.Reply = ValidAnswer;
        using (var none = await GenerateAsync(new { userId = "ann" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
            Assert.True((await ProblemAsync(none)).GetProperty("errors").TryGetProperty("baseContract", out _));
        }
        await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract(), version = "0.1.8" });
        var (second, _) = await GenerateOkAsync(new { userId = "ann" });
        var (third, _) = await GenerateOkAsync(new { userId = "ann" });

        Assert.Equal(("0.1.10", "0.1.11"), (second.GetProperty("version").GetString(), third.GetProperty("version").GetString()));
        Assert.Contains("Pay now", Components(third, "checkout"));
        var list = await GetAsync("/api/contracts?userId=ann");
        Assert.Equal(["0.1.11", "0.1.10", "0.1.9"], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("version").GetString()));
        Assert.Single((await GetAsync("/api/contracts?userId=ann&limit=1")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.2")]
    [InlineData("v1.2.3")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-beta")]
    [InlineData("1.2.99999999999")]
    public async Task A_base_given_with_an_absent_or_invalid_version_starts_at_0_1_0(string? version)
    {
        Fake.Reply = ValidAnswer;
        var (contract, _) = await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract(), version });
        Assert.Equal("0.1.0", contract.GetProperty("version").GetString());
    }
}

public sealed class ContractGenerationTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : ContractGenerationTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class ContractGenerationTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : ContractGenerationTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
