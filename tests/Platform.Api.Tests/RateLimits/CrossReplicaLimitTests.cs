using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Fuzz;
using Platform.Testing;
using static Platform.Api.Tests.RateLimits.LimitsClient;

namespace Platform.Api.Tests.RateLimits;

/// <summary>
/// Two Api replicas sharing one PostgreSQL database and one Redis count into the same per-minute counters: a burst
/// split over both is admitted exactly up to the limit. The offline provider answers; the Redis is the class's own,
/// as one test stops it.
/// </summary>
public sealed class CrossReplicaLimitTests(PostgresServer postgres, PrivateRedis redis) : IClassFixture<PrivateRedis>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ApiFactory _a = null!;
    private ApiFactory _b = null!;

    public async ValueTask InitializeAsync()
    {
        // Exact counting is what is tested here, not the fail-open on a slow Redis (SlowRedisLimitTests): a loaded CI
        // machine can hold a command past the default 1 s, so these replicas wait longer.
        (_a, _b) = await Replicas.StartTwoAsync(postgres, redis.Server, "limits", new Dictionary<string, string>
        {
            ["ConnectionStrings:cache"] = redis.Server.ConnectionString + ",syncTimeout=30000,asyncTimeout=30000",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task A_burst_over_two_replicas_is_admitted_exactly_up_to_the_users_limit()
    {
        const int limit = 25, perReplica = 50;
        using var admin = _a.CreateClient(ApiFactory.AdminKey);
        var (userId, _, key) = await CreateMemberAsync(admin);
        await SetUserLimitsAsync(admin, userId, new { requestsPerMinute = limit });
        using var onA = _a.CreateClient(key);
        using var onB = _b.CreateClient(key);
        var errors = new[] { ErrorLogs.Listen(_a.Services), ErrorLogs.Listen(_b.Services) };
        var minute = await UsageWindows.FreshAsync(Ct);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var burst = Enumerable.Range(0, perReplica).SelectMany(i => new[] { ChatAsync(onA, i), ChatAsync(onB, i) }).ToList();
        var answers = await Task.WhenAll(burst);
        UsageWindows.AssertStill(minute);

        var ok = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        var refused = answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"figures: {answers.Length} concurrent requests over 2 replicas, limit {limit}/min: {ok} answered, {refused} refused with 429, in {clock.ElapsedMilliseconds} ms; "
            + "all statuses: " + string.Join(", ", answers.GroupBy(a => (int)a.StatusCode).Select(g => $"{g.Key} x{g.Count()}")));
        foreach (var unexpected in answers.Where(a => a.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.TooManyRequests)))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{(int)unexpected.StatusCode}: {await unexpected.Content.ReadAsStringAsync(Ct)}");
        }
        Assert.Empty(errors.SelectMany(e => e.Describe()));
        Assert.Equal((limit, 2 * perReplica - limit), (ok, refused));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests), a => Assert.NotNull(a.Headers.RetryAfter));
        var usage = await (await onB.GetAsync("/api/me/usage", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(limit, usage.GetProperty("user").GetProperty("requestsThisMinute").GetInt64());
    }

    [Fact]
    public async Task Redis_down_lets_requests_through_uncounted()
    {
        using var admin = _a.CreateClient(ApiFactory.AdminKey);
        var (userId, _, key) = await CreateMemberAsync(admin);
        await SetUserLimitsAsync(admin, userId, new { requestsPerMinute = 1 });
        using var member = _a.CreateClient(key);
        // Resolve the key (and its limits) while everything is up.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/me", Ct)).StatusCode);
        try
        {
            redis.Server.Stop();
            var first = await ChatAsync(member, 1);
            var second = await ChatAsync(member, 2);
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
            Assert.False(second.Headers.Contains("x-ratelimit-remaining-requests"));
        }
        finally
        {
            redis.Server.StartAgain();
        }
    }

    private static Task<HttpResponseMessage> ChatAsync(HttpClient client, int i) =>
        client.PostAsJsonAsync("/api/llm/chat", new { messages = new[] { new { role = "user", content = $"burst {i}" } }, useCache = false }, Ct);
}
