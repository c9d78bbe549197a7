using Platform.Testing;

namespace Platform.Core.Tests.Analytics;

/// <summary>A redis-server of this class's own: one test stops it, which must not disturb the other classes' Redis.</summary>
public sealed class OwnRedis : IAsyncLifetime
{
    public RedisServer Server { get; } = new();

    public ValueTask InitializeAsync() => Server.InitializeAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>The analytics cache on a real Redis: keys, TTL, expiry, and answers that keep coming while Redis is down.</summary>
public sealed class AnalyticsRedisTests(OwnRedis own, PostgresServer postgres) : IClassFixture<OwnRedis>
{
    private static readonly (double, string, string?)[] Burst = [(0, "tap", "buy"), (200, "tap", "buy"), (400, "tap", "buy")];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private RedisServer Redis => own.Server;

    [Fact]
    public async Task A_miss_stores_the_answer_under_its_key_with_the_configured_ttl_and_a_hit_reads_it()
    {
        Redis.EnsureAvailable();
        await using var host = await AnalyticsHost.StartAsync("sqlite", postgres, Redis.ConnectionString);
        await host.SeedAsync("ttl-user", Burst);
        Assert.False((await host.GetAsync("ttl-user")).Cached);
        Assert.InRange(int.Parse(Redis.Execute("TTL", "llm:analytics:ttl-user")!), 1, 300);
        var hit = await host.GetAsync("ttl-user");
        Assert.True(hit.Cached);
        Assert.Equal("rage-click", Assert.Single(hit.PainPoints).Type);

        Assert.False((await host.GetAsync("ttl-user", "s1")).Cached);
        Assert.Equal("1", Redis.Execute("EXISTS", "llm:analytics:ttl-user:s1:*:*"));
    }

    [Fact]
    public async Task An_entry_expires_after_its_ttl_and_the_next_answer_is_computed_again()
    {
        Redis.EnsureAvailable();
        await using var host = await AnalyticsHost.StartAsync("sqlite", postgres, Redis.ConnectionString,
            new Dictionary<string, string?> { ["Analytics:CacheSeconds"] = "1" });
        await host.SeedAsync("short-lived", Burst);
        Assert.False((await host.GetAsync("short-lived")).Cached);
        // At most 1 s left, or already gone (-2) on a slow machine; never without expiry (-1).
        var left = long.Parse(Redis.Execute("PTTL", "llm:analytics:short-lived")!);
        Assert.True(left is -2 or (> 0 and <= 1000), $"PTTL {left}");

        await Until(() => Task.FromResult(Redis.Execute("EXISTS", "llm:analytics:short-lived") == "0"));
        var again = await host.GetAsync("short-lived");
        Assert.False(again.Cached);
        Assert.Single(again.PainPoints);
    }

    [Fact]
    public async Task With_redis_stopped_answers_still_come_and_caching_resumes_when_it_is_back()
    {
        Redis.EnsureAvailable();
        await using var host = await AnalyticsHost.StartAsync("sqlite", postgres, Redis.ConnectionString);
        await host.SeedAsync("outage", Burst);
        Assert.False((await host.GetAsync("outage")).Cached);
        Assert.True((await host.GetAsync("outage")).Cached);
        try
        {
            Redis.Stop();
            var during = await host.GetAsync("outage");
            Assert.False(during.Cached);
            Assert.Equal("rage-click", Assert.Single(during.PainPoints).Type);
            Assert.False((await host.GetAsync("outage", fresh: true)).Cached);
        }
        finally
        {
            Redis.StartAgain();
        }
        // The multiplexer reconnects in the background; until it has, every answer is computed and none fails.
        await Until(async () => (await host.GetAsync("outage")).Cached);
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the state was not reached within {Patience.TotalSeconds:0} s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
