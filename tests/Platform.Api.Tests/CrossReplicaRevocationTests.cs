using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Auth;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// Two Api replicas sharing one PostgreSQL database and one Redis: a revocation or role change made through one is
/// seen by the other long before its key cache (set to 5 minutes here) would have expired. Their Redis is the class's
/// own, so no other class stopping its Redis can swallow a revocation.
/// </summary>
public sealed class CrossReplicaRevocationTests(PostgresServer postgres, PrivateRedis redis) : IClassFixture<PrivateRedis>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ApiFactory _a = null!;
    private ApiFactory _b = null!;

    public async ValueTask InitializeAsync()
    {
        (_a, _b) = await Replicas.StartTwoAsync(postgres, redis.Server, "replicas", new Dictionary<string, string>
        {
            ["Platform:Auth:CacheSeconds"] = "300",
            ["Platform:Auth:StaleSeconds"] = "300",
        });
        await WaitUntilAsync(() => Task.FromResult(redis.Server.Execute("PUBSUB", "NUMSUB", ApiKeyRevocations.Channel.ToString())?.EndsWith("\n2", StringComparison.Ordinal) == true),
            "both replicas subscribed to revocations");
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task A_key_revoked_on_one_replica_is_refused_by_the_other()
    {
        using var adminA = _a.CreateClient(ApiFactory.AdminKey);
        var (_, key, keyId) = await CreateUserWithKeyAsync(adminA, "member");
        using var onB = _b.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await adminA.DeleteAsync($"/api/keys/{keyId}", Ct)).StatusCode);
        var revoked = System.Diagnostics.Stopwatch.StartNew();

        await WaitUntilAsync(async () => (await onB.GetAsync("/api/me", Ct)).StatusCode == HttpStatusCode.Unauthorized,
            "replica B refuses the revoked key");
        TestContext.Current.TestOutputHelper?.WriteLine($"replica B refused the revoked key {revoked.ElapsedMilliseconds} ms after replica A answered the revocation");
    }

    [Fact]
    public async Task An_admin_demoted_on_one_replica_loses_admin_rights_on_the_other()
    {
        using var adminA = _a.CreateClient(ApiFactory.AdminKey);
        var (userId, key, _) = await CreateUserWithKeyAsync(adminA, "admin");
        using var onB = _b.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/users", Ct)).StatusCode);

        var demote = await adminA.PatchAsJsonAsync($"/api/users/{userId}", new { role = "member" }, Ct);
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);

        await WaitUntilAsync(async () => (await onB.GetAsync("/api/users", Ct)).StatusCode == HttpStatusCode.Forbidden,
            "replica B treats the demoted admin as a member");
    }

    private static async Task<(Guid UserId, string Key, Guid KeyId)> CreateUserWithKeyAsync(HttpClient admin, string role)
    {
        var user = await (await admin.PostAsJsonAsync("/api/users",
            new { name = "Rey", email = $"rey-{Guid.NewGuid():N}@example.com", role }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var created = await (await admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id")}/keys", new { name = "k", scope = role }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (user.GetProperty("id").GetGuid(), created.GetProperty("key").GetString()!, created.GetProperty("id").GetGuid());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {Deadline.TotalSeconds:0} s: {what}");
            await Task.Delay(50, Ct);
        }
    }
}
