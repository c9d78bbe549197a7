using System.Net;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

/// <summary>The response cache on a real redis-server, and what happens when Redis goes away mid-flight.</summary>
public sealed class RedisCacheTests(FakeLlmServer fake, RedisServer redis) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    protected override IDictionary<string, string> Settings()
    {
        redis.EnsureAvailable();
        var settings = base.Settings();
        settings["ConnectionStrings:cache"] = redis.ConnectionString;
        return settings;
    }

    [Fact]
    public async Task Answers_are_cached_in_redis_and_redis_down_means_misses_not_failures()
    {
        var first = await ChatAsync(Ask("redis cached", useCache: true));
        var second = await ChatAsync(Ask("redis cached", useCache: true));
        Assert.Equal(("miss", "hit"), (Header(first), Header(second)));
        Assert.Equal(1, Fake.RequestCount);
        Assert.Equal("redis", (await JsonAsync(await Admin.GetAsync("/api/llm/cache/stats", Ct))).GetProperty("backend").GetString());
        Assert.Contains("llm:cache:", redis.Execute("KEYS", "llm:cache:*"));

        try
        {
            redis.Stop();
            var during = await ChatAsync(Ask("redis cached", useCache: true));
            Assert.Equal(HttpStatusCode.OK, during.StatusCode);
            Assert.Equal("miss", Header(during));
            Assert.Equal(2, Fake.RequestCount);
            var healthText = await (await Factory.CreateClient(apiKey: null).GetAsync("/health", Ct)).Content.ReadAsStringAsync(Ct);
            var cache = System.Text.Json.JsonDocument.Parse(healthText).RootElement.GetProperty("checks").GetProperty("cache");
            Assert.Equal("Degraded", cache.GetProperty("status").GetString());
            // Anonymous readers get the status and a short description, not the client's connection details.
            Assert.False(cache.TryGetProperty("error", out _), healthText);
            Assert.DoesNotContain(redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), healthText, StringComparison.Ordinal);
        }
        finally
        {
            redis.StartAgain();
        }
    }

    private static string Header(HttpResponseMessage response) => response.Headers.GetValues("x-platform-cache").Single();
}
