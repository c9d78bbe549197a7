using System.Net;
using System.Net.Http.Json;
using Platform.Api.Tests.Fuzz;
using Platform.Testing;
using static Platform.Api.Tests.RateLimits.LimitsClient;

namespace Platform.Api.Tests.RateLimits;

/// <summary>
/// A Redis that answers later than the counters' 1 s timeout (its clients paused) is the same as a Redis that is down:
/// the request goes through uncounted. StackExchange.Redis reports that timeout as a cancellation, which must not
/// become a 500. The Redis is the class's own, since the test pauses it.
/// </summary>
public sealed class SlowRedisLimitTests(PostgresServer postgres, PrivateRedis redis) : IClassFixture<PrivateRedis>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_redis_slower_than_its_timeout_lets_requests_through_uncounted()
    {
        var (api, other) = await Replicas.StartTwoAsync(postgres, redis.Server, "slowredis");
        await using var _ = other;
        await using var __ = api;
        using var admin = api.CreateClient(ApiFactory.AdminKey);
        var (userId, _, key) = await CreateMemberAsync(admin);
        await SetUserLimitsAsync(admin, userId, new { requestsPerMinute = 100 });
        using var member = api.CreateClient(key);
        // Counted while Redis answers in time: the headers say so.
        var counted = await ChatAsync(member);
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        Assert.Equal("99", Header(counted, "x-ratelimit-remaining-requests"));
        var errors = ErrorLogs.Listen(api.Services);

        Assert.Equal("OK", redis.Server.Execute("CLIENT", "PAUSE", "3000", "ALL"));
        var slow = await ChatAsync(member);

        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.False(slow.Headers.Contains("x-ratelimit-remaining-requests"));
        Assert.Empty(errors.Describe());
    }

    private static Task<HttpResponseMessage> ChatAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/llm/chat", new { messages = new[] { new { role = "user", content = "slow redis" } }, useCache = false }, Ct);
}
