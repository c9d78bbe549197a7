using Platform.Core.Analytics;
using Platform.Testing;

namespace Platform.Core.Tests.Analytics;

/// <summary>The service over a real database (both providers) and the in-memory cache, on a fake clock.</summary>
public sealed class AnalyticsCacheTests(PostgresServer postgres)
{
    private static readonly (double, string, string?)[] Burst = [(0, "tap", "buy"), (200, "tap", "buy"), (400, "tap", "buy")];
    private static readonly (double, string, string?)[] SecondBurst = [(9000, "tap", "buy"), (9100, "tap", "buy"), (9200, "tap", "buy")];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_miss_computes_and_stores_a_hit_serves_it_until_the_ttl_ends(string storage)
    {
        await using var host = await StartAsync(storage);
        await host.SeedAsync("u1", Burst);
        var first = await host.GetAsync("u1");
        Assert.False(first.Cached);
        Assert.Single(first.PainPoints);

        await host.SeedAsync("u1", SecondBurst);
        host.Time.Advance(TimeSpan.FromSeconds(299));
        var hit = await host.GetAsync("u1");
        Assert.True(hit.Cached);
        Assert.Single(hit.PainPoints);
        Assert.Equal(first.ComputedAt, hit.ComputedAt);

        host.Time.Advance(TimeSpan.FromSeconds(2));
        var recomputed = await host.GetAsync("u1");
        Assert.False(recomputed.Cached);
        Assert.Equal(2, recomputed.PainPoints.Count);
        Assert.Equal(6, recomputed.EventsAnalyzed);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Fresh_recomputes_and_stores_the_new_answer(string storage)
    {
        await using var host = await StartAsync(storage);
        await host.SeedAsync("u1", Burst);
        await host.GetAsync("u1");
        await host.SeedAsync("u1", SecondBurst);

        var fresh = await host.GetAsync("u1", fresh: true);
        Assert.False(fresh.Cached);
        Assert.Equal(2, fresh.PainPoints.Count);
        var after = await host.GetAsync("u1");
        Assert.True(after.Cached);
        Assert.Equal(2, after.PainPoints.Count);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Sessions_and_windows_are_cached_apart_and_filter_the_events(string storage)
    {
        await using var host = await StartAsync(storage);
        await host.SeedAsync("u1", Burst);
        await host.SeedAsync([new() { UserId = "u1", SessionId = "s2", EventType = "error", Timestamp = AnalyticsHost.Start.AddSeconds(30) }]);
        await host.SeedAsync([new() { UserId = "u2", SessionId = "s1", EventType = "error", Timestamp = AnalyticsHost.Start }]);

        var all = await host.GetAsync("u1");
        var session = await host.GetAsync("u1", "s2");
        var window = await host.GetAsync("u1", from: AnalyticsHost.Start.AddSeconds(1), to: AnalyticsHost.Start.AddMinutes(1));
        var early = await host.GetAsync("u1", to: AnalyticsHost.Start.AddSeconds(1));
        Assert.All([all, session, window, early], a => Assert.False(a.Cached));
        Assert.Equal((4, 0.25), (all.EventsAnalyzed, all.ErrorRate));
        Assert.Equal(("s2", 1L, 1.0), (session.SessionId, session.EventsAnalyzed, session.ErrorRate));
        Assert.Equal(1, window.EventsAnalyzed);
        Assert.Equal((3, 0.0), (early.EventsAnalyzed, early.ErrorRate));
        Assert.True((await host.GetAsync("u1", "s2")).Cached);
        Assert.True((await host.GetAsync("u1", to: AnalyticsHost.Start.AddSeconds(1))).Cached);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Past_the_event_cap_the_newest_events_are_analysed_and_the_answer_says_so(string storage)
    {
        await using var host = await StartAsync(storage, new() { ["Analytics:MaxEvents"] = "5" });
        await host.SeedAsync("u1", [.. Burst, (1000, "view", null), (1001, "view", null), (1002, "view", null), (1003, "view", null), (1004, "view", null)]);
        var capped = await host.GetAsync("u1");
        Assert.True(capped.Truncated);
        Assert.Equal(5, capped.EventsAnalyzed);
        Assert.Equal(["view"], capped.EventTypeDistribution.Keys);
        Assert.Empty(capped.PainPoints);
    }

    [Fact]
    public void Cache_keys_escape_ids_so_a_variant_never_meets_another_users_key()
    {
        Assert.Equal("llm:analytics:user-42", new AnalyticsQuery("user-42").CacheKey());
        Assert.Equal("llm:analytics:a%3Ab", new AnalyticsQuery("a:b").CacheKey());
        Assert.NotEqual(new AnalyticsQuery("a:*:*:*").CacheKey(), new AnalyticsQuery("a", "*").CacheKey());
        Assert.Equal("llm:analytics:a:s%201:*:*", new AnalyticsQuery("a", "s 1").CacheKey());
    }

    private Task<AnalyticsHost> StartAsync(string storage, Dictionary<string, string?>? settings = null)
    {
        if (storage == "postgres")
        {
            postgres.EnsureAvailable();
        }
        return AnalyticsHost.StartAsync(storage, postgres, settings: settings);
    }
}
