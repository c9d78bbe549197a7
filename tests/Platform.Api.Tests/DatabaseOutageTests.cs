using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>A PostgreSQL server of this class's own: the outage test stops it, which must not hurt other classes.</summary>
public sealed class OutagePostgres : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public ValueTask InitializeAsync() => Server.InitializeAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

public sealed class DatabaseOutageTests(OutagePostgres database) : IClassFixture<OutagePostgres>, IAsyncLifetime
{
    // Long enough to outlast the key cache (1 s here) many times over, as the issue's 10 s outage did.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ApiFactory _factory = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        database.Server.EnsureAvailable();
        var connectionString = await database.Server.CreateDatabaseAsync("outage");
        _factory = new ApiFactory(connectionString, new Dictionary<string, string> { ["Platform:Auth:CacheSeconds"] = "1" });
        _admin = _factory.CreateClient(ApiFactory.AdminKey);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Authenticated_requests_get_no_500_during_a_database_outage_and_everything_works_after_it()
    {
        var unusedKey = await CreateMemberKeyAsync();
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync()).StatusCode);
        var warm = await ChatAsync();
        Assert.Equal("hit", warm.Headers.GetValues("x-platform-cache").Single());
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/jobs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/me", Ct)).StatusCode);

        database.Server.Stop();
        var tally = new Dictionary<string, int>();
        var sent = 0;
        var until = DateTime.UtcNow + Outage;
        while (DateTime.UtcNow < until)
        {
            var chat = await ChatAsync();
            Count(tally, "chat (cache hit)", chat);
            Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
            Assert.Equal("hit", chat.Headers.GetValues("x-platform-cache").Single());

            var me = await _admin.GetAsync("/api/me", Ct);
            Count(tally, "GET /api/me", me);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);

            var list = await _admin.GetAsync("/api/jobs", Ct);
            Count(tally, "GET /api/jobs", list);
            await AssertUnavailableAsync(list);
            sent += 3;
        }

        // A key this process never resolved cannot be checked without the database: 503, not 401 and not 500.
        using var stranger = _factory.CreateClient(unusedKey);
        var unknown = await stranger.GetAsync("/api/me", Ct);
        Count(tally, "GET /api/me (key not cached)", unknown);
        await AssertUnavailableAsync(unknown);
        var openAi = await stranger.GetAsync("/v1/models", Ct);
        Count(tally, "GET /v1/models (key not cached)", openAi);
        Assert.Equal("api_error", (await AssertUnavailableAsync(openAi)).GetProperty("error").GetProperty("type").GetString());
        sent += 2;
        Report(tally, sent);

        await database.Server.StartAgainAsync();
        await WaitUntilOkAsync(() => _admin.GetAsync("/api/jobs", Ct));
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/users",
            new { name = "after", email = $"after-{Guid.NewGuid():N}@example.com", role = "member" }, Ct)).StatusCode);
    }

    private Task<HttpResponseMessage> ChatAsync() => _admin.PostAsJsonAsync("/api/llm/chat",
        new { messages = new[] { new { role = "user", content = "served from the cache during an outage" } }, model = "offline-1" }, Ct);

    private static async Task<JsonElement> AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable,
            $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await ApiTestBase.ProblemAsync(response);
        Assert.Equal("Database unavailable", problem.GetProperty("title").GetString());
        return problem;
    }

    private static async Task WaitUntilOkAsync(Func<Task<HttpResponseMessage>> request)
    {
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (true)
        {
            var response = await request();
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"still {(int)response.StatusCode} {RecoveryDeadline.TotalSeconds} s after the database came back");
            await Task.Delay(100, Ct);
        }
    }

    private async Task<string> CreateMemberKeyAsync()
    {
        var user = await (await _admin.PostAsJsonAsync("/api/users",
            new { name = "Mo", email = $"mo-{Guid.NewGuid():N}@example.com", role = "member" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var key = await (await _admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id")}/keys", new { name = "k", scope = "member" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        return key.GetProperty("key").GetString()!;
    }

    private static void Count(Dictionary<string, int> tally, string endpoint, HttpResponseMessage response)
    {
        var name = $"{endpoint} -> {(int)response.StatusCode}";
        tally[name] = tally.GetValueOrDefault(name) + 1;
    }

    private static void Report(Dictionary<string, int> tally, int sent)
    {
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"database stopped for {Outage.TotalSeconds:0} s; {sent} authenticated requests sent during the outage");
        foreach (var (name, count) in tally.OrderBy(x => x.Key))
        {
            output?.WriteLine($"  {name}: {count}");
        }
    }
}
