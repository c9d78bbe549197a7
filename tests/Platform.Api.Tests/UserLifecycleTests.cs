using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Auth;
using Platform.Core.Data;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>Disabling and enabling users, the last-admin rule, and the bootstrap key's prefix.</summary>
public abstract class UserLifecycleTests(Storage storage, PostgresServer postgres) : ApiTestBase(storage, postgres)
{
    [Fact]
    public async Task The_only_admin_cannot_be_demoted_disabled_or_deleted()
    {
        var me = (await Admin.GetFromJsonAsync<JsonElement>("/api/me", Ct)).GetProperty("id").GetString();

        var demote = await Admin.PatchAsJsonAsync($"/api/users/{me}", new { role = "member" }, Ct);
        var disable = await Admin.PostAsync($"/api/users/{me}/disable", null, Ct);
        var delete = await Admin.DeleteAsync($"/api/users/{me}", Ct);

        foreach (var response in new[] { demote, disable, delete })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("last admin", (await ProblemAsync(response)).GetProperty("detail").GetString());
        }
        var after = await Admin.GetFromJsonAsync<JsonElement>($"/api/users/{me}", Ct);
        Assert.Equal("admin", after.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("disabledAt").ValueKind);
    }

    [Fact]
    public async Task An_admin_can_be_demoted_while_another_enabled_admin_remains_and_a_disabled_admin_does_not_count()
    {
        var me = (await Admin.GetFromJsonAsync<JsonElement>("/api/me", Ct)).GetProperty("id").GetString();
        var ada = await CreateUserAsync("Ada", role: "admin");
        var bo = await CreateUserAsync("Bo", role: "admin");

        var demoted = await Admin.PatchAsJsonAsync($"/api/users/{ada.GetProperty("id")}", new { role = "member" }, Ct);
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/users/{bo.GetProperty("id")}/disable", null, Ct)).StatusCode);

        var lastOne = await Admin.PatchAsJsonAsync($"/api/users/{me}", new { role = "member" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, lastOne.StatusCode);
    }

    [Fact]
    public async Task A_disabled_users_keys_answer_401_until_the_user_is_enabled_again()
    {
        var user = await CreateUserAsync("Dee");
        var id = user.GetProperty("id").GetString();
        var client = Factory.CreateClient(await CreateKeyAsync(user, "member"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", Ct)).StatusCode);

        var disabled = await Admin.PostAsync($"/api/users/{id}/disable", null, Ct);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await disabled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("disabledAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
        var listed = (await Admin.GetFromJsonAsync<JsonElement[]>("/api/users", Ct))!.Single(u => u.GetProperty("id").GetString() == id);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("disabledAt").ValueKind);
        Assert.Equal(1, listed.GetProperty("keyCount").GetInt32());

        var enabled = await Admin.PostAsync($"/api/users/{id}/enable", null, Ct);
        Assert.Equal(JsonValueKind.Null, (await enabled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("disabledAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_unknown_user_is_a_404_problem()
    {
        var response = await Admin.PostAsync($"/api/users/{Guid.NewGuid()}/disable", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("was not found", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_bootstrap_key_shows_a_fixed_label_and_no_part_of_its_secret()
    {
        var me = await Admin.GetFromJsonAsync<JsonElement>("/api/me", Ct);
        Assert.Equal(AdminBootstrap.KeyPrefix, me.GetProperty("keyPrefix").GetString());

        var keys = await Admin.GetFromJsonAsync<JsonElement[]>($"/api/users/{me.GetProperty("id")}/keys", Ct);
        var key = Assert.Single(keys!);
        Assert.Equal(AdminBootstrap.KeyName, key.GetProperty("name").GetString());
        Assert.Equal("admin", key.GetProperty("scope").GetString());
        Assert.Equal(AdminBootstrap.KeyPrefix, key.GetProperty("prefix").GetString());
        Assert.NotEqual(JsonValueKind.Null, key.GetProperty("createdAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, key.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(ApiFactory.AdminKey[..8], await Admin.GetStringAsync($"/api/users/{me.GetProperty("id")}/keys", Ct));
    }

    [Fact]
    public async Task Bootstrap_replaces_a_secret_prefix_stored_earlier_and_enables_a_disabled_bootstrap_admin()
    {
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var key = await db.ApiKeys.Include(k => k.User).SingleAsync(k => k.Name == AdminBootstrap.KeyName, Ct);
            key.Prefix = ApiFactory.AdminKey[..12];
            key.User!.DisabledAt = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);
        }

        await AdminBootstrap.EnsureAsync(Factory.Services, Ct);

        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var key = await db.ApiKeys.AsNoTracking().Include(k => k.User).SingleAsync(k => k.Name == AdminBootstrap.KeyName, Ct);
            Assert.Equal(AdminBootstrap.KeyPrefix, key.Prefix);
            Assert.Null(key.User!.DisabledAt);
        }
    }
}

public sealed class UserLifecycleTestsOnSqlite(PostgresServer postgres) : UserLifecycleTests(Storage.Sqlite, postgres);

public sealed class UserLifecycleTestsOnPostgres(PostgresServer postgres) : UserLifecycleTests(Storage.Postgres, postgres);
