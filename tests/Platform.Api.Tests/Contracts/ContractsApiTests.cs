using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Contracts;

/// <summary>Reading, comparing and scoping contracts, the schema, and what hostile requests get.</summary>
public abstract class ContractsApiTests(Storage storage, PostgresServer postgres, FakeLlmServer fake) : ContractsTestBase(storage, postgres, fake)
{
    [Fact]
    public async Task The_schema_is_served_to_any_key_as_draft_2020_12()
    {
        var ingest = await ClientAsync("Ida", "ingest");
        using var response = await ingest.GetAsync("/api/contracts/schema", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        Assert.Contains("button", schema["$defs"]!["componentType"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync("/api/contracts/schema", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_diff_of_two_versions_lists_json_pointer_changes_with_the_later_ones_explanation()
    {
        Fake.AlwaysFail(503);
        var (first, _) = await GenerateOkAsync(new { userId = "zoe", baseContract = BaseContract() });
        Fake.Heal();
        Fake.Reply = """
            {"contract":{"pagesUI":{"pages":{"checkout":{"components":[{"id":"pay-button","type":"button","label":"Pay now"},
              {"id":"help-pay","type":"help","text":"Cards are charged once."}]}}}},"explanation":"Say what the button does."}
            """;
        var (second, path) = await GenerateOkAsync(new { userId = "zoe" });
        Assert.Equal("openai", path);

        var diff = await GetAsync($"/api/contracts/{first.GetProperty("id")}/diff/{second.GetProperty("id")}");

        Assert.Equal(("0.1.0", "0.1.1"), (diff.GetProperty("from").GetProperty("version").GetString(), diff.GetProperty("to").GetProperty("version").GetString()));
        Assert.Equal(("Say what the button does.", "openai"), (diff.GetProperty("explanation").GetString(), diff.GetProperty("optimizedBy").GetString()));
        var changes = diff.GetProperty("changes").EnumerateArray().ToList();
        var label = Assert.Single(changes, c => c.GetProperty("path").GetString() == "/pagesUI/pages/checkout/components/0/label");
        Assert.Equal(("replace", "Submit", "Pay now"), (label.GetProperty("op").GetString(), label.GetProperty("oldValue").GetString(), label.GetProperty("newValue").GetString()));
        var added = Assert.Single(changes, c => c.GetProperty("path").GetString() == "/pagesUI/pages/checkout/components/3");
        Assert.Equal(("add", "help-pay"), (added.GetProperty("op").GetString(), added.GetProperty("newValue").GetProperty("id").GetString()));
        Assert.False(added.TryGetProperty("oldValue", out _));
        Assert.Contains(changes, c => c.GetProperty("path").GetString() == "/meta/optimizedBy" && c.GetProperty("newValue").GetString() == "openai");
        Assert.DoesNotContain(changes, c => c.GetProperty("path").GetString()!.StartsWith("/pagesUI/pages/home", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Members_see_and_build_on_their_own_contracts_only_and_admins_see_all()
    {
        Fake.Reply = ValidAnswer;
        var mia = await ClientAsync("Mia", "member");
        var max = await ClientAsync("Max", "member");
        var (mine, _) = await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract() }, mia);
        var id = mine.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await mia.GetAsync($"/api/contracts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await max.GetAsync($"/api/contracts/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await max.GetAsync($"/api/contracts/{id}/diff/{id}", Ct)).StatusCode);
        Assert.Empty((await GetAsync("/api/contracts?userId=ann", max)).GetProperty("items").EnumerateArray());
        Assert.Single((await GetAsync("/api/contracts", mia)).GetProperty("items").EnumerateArray());
        Assert.Single((await GetAsync("/api/contracts?userId=ann")).GetProperty("items").EnumerateArray());
        // Mia's version is not Max's base.
        using (var noBase = await GenerateAsync(new { userId = "ann" }, max))
        {
            Assert.True((await ProblemAsync(noBase)).GetProperty("errors").TryGetProperty("baseContract", out _));
        }
        var (next, _) = await GenerateOkAsync(new { userId = "ann" }, mia);
        Assert.Equal("0.1.1", next.GetProperty("version").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await mia.PostAsJsonAsync("/api/contracts/generate-async", new { userId = "ann" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mia.GetAsync("/api/contracts/circuit-breaker", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mia.PostAsync("/api/contracts/circuit-breaker/reset", null, Ct)).StatusCode);
        var ingest = await ClientAsync("Ivy", "ingest");
        Assert.Equal(HttpStatusCode.Forbidden, (await ingest.PostAsJsonAsync("/api/contracts/generate", new { userId = "ann" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Versions_of_two_end_users_do_not_compare()
    {
        Fake.Reply = ValidAnswer;
        var (ann, _) = await GenerateOkAsync(new { userId = "ann", baseContract = BaseContract() });
        var (bob, _) = await GenerateOkAsync(new { userId = "bob", baseContract = BaseContract() });
        using var response = await Admin.GetAsync($"/api/contracts/{ann.GetProperty("id")}/diff/{bob.GetProperty("id")}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("otherId", out _));
        using var missing = await Admin.GetAsync($"/api/contracts/{ann.GetProperty("id")}/diff/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public static TheoryData<string, string> HostileBodies => new()
    {
        { """{"baseContract":{"pagesUI":{"pages":{}}}}""", "userId" },
        { """{"userId":"   "}""", "userId" },
        { $$"""{"userId":"{{new string('u', 201)}}"}""", "userId" },
        { """{"userId":"ann","baseContract":[1,2]}""", "baseContract" },
        { """{"userId":"ann","baseContract":{"pagesUI":{"pages":{"p":{"components":[{"id":"x","type":"rocket"}]}}}}}""", "baseContract" },
        { """{"userId":"ann","baseContract":{"pagesUI":{"pages":{"p":{"components":[{"type":"button"}]}}}}}""", "baseContract" },
        { """{"userId":"ann","baseContract":{"pagesUI":{"pages":{}}},"model":"no-such-model"}""", "model" },
        { $$"""{"userId":"ann","version":"{{new string('1', 101)}}"}""", "version" },
        { """{"userId":"ann","colour":"red"}""", "colour" },
        { """{"userId":"ann","userId":5}""", "userId" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_hostile_generation_request_is_a_400_naming_the_field(string body, string field)
    {
        foreach (var path in new[] { "/api/contracts/generate", "/api/contracts/generate-async" })
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await Admin.PostAsync(path, content, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await ProblemAsync(response)).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{path}: {errors}");
        }
        Assert.Equal(0, Fake.RequestCount);
    }

    [Fact]
    public async Task A_base_contract_over_256_KiB_is_a_400_naming_it()
    {
        var components = new JsonArray();
        for (var i = 0; i < 150; i++)
        {
            components.Add(new JsonObject { ["id"] = $"t{i}", ["type"] = "text", ["text"] = new string('x', 1900) });
        }
        var big = new JsonObject { ["pagesUI"] = new JsonObject { ["pages"] = new JsonObject { ["p"] = new JsonObject { ["components"] = components } } } };
        using var response = await GenerateAsync(new { userId = "ann", baseContract = big });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ProblemAsync(response)).GetProperty("errors").GetProperty("baseContract")[0].GetString();
        Assert.Contains("the limit is 262144 bytes", message);
    }

    [Theory]
    [InlineData("/api/contracts/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("/api/contracts/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("/api/contracts/00000000-0000-0000-0000-000000000001/diff/zzz", HttpStatusCode.NotFound)]
    [InlineData("/api/contracts?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/contracts?limit=201", HttpStatusCode.BadRequest)]
    [InlineData("/api/contracts?limit=ten", HttpStatusCode.BadRequest)]
    [InlineData("/api/contracts?userId=%20", HttpStatusCode.BadRequest)]
    public async Task Bad_ids_and_parameters_are_4xx_problems(string url, HttpStatusCode status)
    {
        using var response = await Admin.GetAsync(url, Ct);
        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.BadRequest)
        {
            var errors = (await ProblemAsync(response)).GetProperty("errors");
            Assert.True(errors.TryGetProperty(url.Contains("limit", StringComparison.Ordinal) ? "limit" : "userId", out _), errors.ToString());
        }
    }
}

public sealed class ContractsApiTestsOnSqlite(PostgresServer postgres, FakeLlmServer fake)
    : ContractsApiTests(Storage.Sqlite, postgres, fake), IClassFixture<FakeLlmServer>;

public sealed class ContractsApiTestsOnPostgres(PostgresServer postgres, FakeLlmServer fake)
    : ContractsApiTests(Storage.Postgres, postgres, fake), IClassFixture<FakeLlmServer>;
