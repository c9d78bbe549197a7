using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Api.Tests;

public abstract class AuthTests(Storage storage, PostgresServer postgres) : ApiTestBase(storage, postgres)
{
    [Fact]
    public async Task A_request_without_a_key_gets_401_problem_details()
    {
        var response = await Factory.CreateClient(apiKey: null).GetAsync("/api/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("API key is required", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_key_gets_401()
    {
        var response = await Factory.CreateClient("plk_not-a-real-key").GetAsync("/api/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_bootstrap_admin_key_works_as_bearer_and_as_x_api_key()
    {
        var me = await Admin.GetFromJsonAsync<JsonElement>("/api/me", Ct);
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal("admin", me.GetProperty("scope").GetString());

        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_member_key_on_an_admin_endpoint_gets_403_problem_details()
    {
        var member = await CreateKeyAsync(await CreateUserAsync("Mia"), "member");
        var response = await Factory.CreateClient(member).GetAsync("/api/users", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("member", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_ingest_key_may_read_me_but_nothing_that_defaults_to_member()
    {
        var ingest = Factory.CreateClient(await CreateKeyAsync(await CreateUserAsync("Ivo"), "ingest"));
        Assert.Equal(HttpStatusCode.OK, (await ingest.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ingest.GetAsync("/api/users", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_new_key_works_at_once_and_records_when_it_was_last_used()
    {
        var user = await CreateUserAsync("Lea");
        var key = await CreateKeyAsync(user, "member");
        var me = await Factory.CreateClient(key).GetFromJsonAsync<JsonElement>("/api/me", Ct);
        Assert.Equal(user.GetProperty("id").GetString(), me.GetProperty("id").GetString());
        Assert.Equal(key[..12], me.GetProperty("keyPrefix").GetString());

        var keys = await Admin.GetFromJsonAsync<JsonElement[]>($"/api/users/{user.GetProperty("id")}/keys", Ct);
        Assert.NotEqual(JsonValueKind.Null, Assert.Single(keys!).GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task A_deleted_key_stops_working()
    {
        var user = await CreateUserAsync("Del");
        var key = await CreateKeyAsync(user, "member");
        var client = Factory.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", Ct)).StatusCode);

        var keyId = (await Admin.GetFromJsonAsync<JsonElement[]>($"/api/users/{user.GetProperty("id")}/keys", Ct))![0].GetProperty("id");
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/keys/{keyId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Demoting_an_admin_turns_their_admin_keys_into_member_keys()
    {
        var user = await CreateUserAsync("Ada", role: "admin");
        var client = Factory.CreateClient(await CreateKeyAsync(user, "admin"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users", Ct)).StatusCode);

        var patch = await Admin.PatchAsJsonAsync($"/api/users/{user.GetProperty("id")}", new { role = "member" }, Ct);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users", Ct)).StatusCode);
        Assert.Equal("member", (await client.GetFromJsonAsync<JsonElement>("/api/me", Ct)).GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs")]
    public async Task Health_openapi_and_docs_need_no_key(string path)
    {
        var response = await Factory.CreateClient(apiKey: null).GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_includes_the_database_check()
    {
        var health = await Factory.CreateClient(apiKey: null).GetFromJsonAsync<JsonElement>("/health", Ct);
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_reports_the_database_provider_in_use()
    {
        var status = await Admin.GetFromJsonAsync<JsonElement>("/api/status", Ct);
        Assert.Equal(Storage == Storage.Sqlite ? "sqlite" : "postgresql", status.GetProperty("databaseProvider").GetString());
        Assert.Equal("memory", status.GetProperty("cacheBackend").GetString());
    }
}

public sealed class AuthTestsOnSqlite(PostgresServer postgres) : AuthTests(Storage.Sqlite, postgres);

public sealed class AuthTestsOnPostgres(PostgresServer postgres) : AuthTests(Storage.Postgres, postgres);
