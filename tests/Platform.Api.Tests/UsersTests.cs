using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Users;
using Platform.Testing;

namespace Platform.Api.Tests;

public abstract class UsersTests(Storage storage, PostgresServer postgres) : ApiTestBase(storage, postgres)
{
    [Fact]
    public async Task Admin_creates_reads_updates_lists_and_deletes_a_user()
    {
        var created = await Admin.PostAsJsonAsync("/api/users", new { name = "Noor", email = "Noor@Example.com", role = "member" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = user.GetProperty("id").GetString();
        Assert.Equal("noor@example.com", user.GetProperty("email").GetString());
        Assert.Equal($"/api/users/{id}", created.Headers.Location?.OriginalString);

        var patched = await Admin.PatchAsJsonAsync($"/api/users/{id}", new { name = "Noor B." }, Ct);
        Assert.Equal("Noor B.", (await patched.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());
        Assert.Equal("member", (await Admin.GetFromJsonAsync<JsonElement>($"/api/users/{id}", Ct)).GetProperty("role").GetString());

        var all = await Admin.GetFromJsonAsync<JsonElement[]>("/api/users", Ct);
        Assert.Contains(all!, u => u.GetProperty("id").GetString() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/users/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/users/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_key_secret_is_shown_once_and_only_its_hash_is_stored()
    {
        var user = await CreateUserAsync("Sam");
        var secret = await CreateKeyAsync(user, "member");
        var listed = await Admin.GetStringAsync($"/api/users/{user.GetProperty("id")}/keys", Ct);
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain("\"key\"", listed);

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stored = await db.ApiKeys.SingleAsync(k => k.UserId == user.GetProperty("id").GetGuid(), Ct);
        Assert.Equal(ApiKeySecrets.Hash(secret), stored.Hash);
        Assert.Equal(secret[..12], stored.Prefix);
    }

    [Fact]
    public async Task Deleting_a_user_revokes_their_keys()
    {
        var user = await CreateUserAsync("Gone");
        var client = Factory.CreateClient(await CreateKeyAsync(user, "member"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", Ct)).StatusCode);
        await Admin.DeleteAsync($"/api/users/{user.GetProperty("id")}", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_email_is_a_409_and_the_first_user_is_kept()
    {
        var body = new { name = "Twin", email = "twin@example.com" };
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/users", body, Ct)).StatusCode);
        var second = await Admin.PostAsJsonAsync("/api/users", body with { name = "Other" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("twin@example.com", (await ProblemAsync(second)).GetProperty("detail").GetString());
        var users = await Admin.GetFromJsonAsync<JsonElement[]>("/api/users", Ct);
        Assert.Equal("Twin", Assert.Single(users!, u => u.GetProperty("email").GetString() == "twin@example.com").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_admin_cannot_delete_the_user_they_are_signed_in_as()
    {
        var me = await Admin.GetFromJsonAsync<JsonElement>("/api/me", Ct);
        var response = await Admin.DeleteAsync($"/api/users/{me.GetProperty("id")}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_member_user_cannot_be_given_an_admin_key()
    {
        var user = await CreateUserAsync("Max");
        var response = await Admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id")}/keys", new { name = "k", scope = "admin" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("scope", out _));
    }

    [Theory]
    [InlineData("""{"name":"A","email":"a@example.com","nickname":"x"}""", "nickname")]
    [InlineData("""{"name":5,"email":"a@example.com"}""", "name")]
    [InlineData("""{"name":"A","email":"a@example.com","role":"owner"}""", "role")]
    [InlineData("""{"email":"a@example.com"}""", "name")]
    [InlineData("""{"name":null,"email":"a@example.com"}""", "name")]
    [InlineData("""{"name":"A","email":"not-an-email"}""", "email")]
    [InlineData("""{"name":"  ","email":"a@example.com"}""", "name")]
    public async Task A_bad_body_gets_400_problem_details_naming_the_field(string body, string field)
    {
        var response = await Admin.PostAsync("/api/users", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        Assert.DoesNotContain((await Admin.GetFromJsonAsync<JsonElement[]>("/api/users", Ct))!, u => u.GetProperty("email").GetString() == "a@example.com");
    }

    [Fact]
    public async Task Malformed_json_gets_400_not_500()
    {
        var response = await Admin.PostAsync("/api/users", new StringContent("{\"name\":", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_user_id_is_a_404_problem()
    {
        var response = await Admin.GetAsync($"/api/users/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("was not found", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }
}

public sealed class UsersTestsOnSqlite(PostgresServer postgres) : UsersTests(Storage.Sqlite, postgres);

public sealed class UsersTestsOnPostgres(PostgresServer postgres) : UsersTests(Storage.Postgres, postgres);
