using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Caching;
using Platform.Core.RateLimits;
using Platform.Testing;

namespace Platform.Core.Tests.RateLimits;

/// <summary>
/// The same contract from the in-process counters and the Redis ones (against a real redis-server). In the Redis cache
/// tests' collection: both stop and restart the shared server.
/// </summary>
[Collection(nameof(Caching.RedisCacheTests))]
public sealed class UsageCounterTests(RedisServer redis) : IDisposable
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private IHost? _host;

    public static TheoryData<string> Backends => ["memory", "redis"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Counters_refuse_at_their_limit_and_then_add_nothing_at_all(string backend)
    {
        var counters = Counters(backend);
        var (a, b) = (Key("a"), Key("b"));
        Assert.Equal(new long[] { 1L, 1L }, (await counters.TryAddAsync([new(a, 2, 1), new(b, 5, 1)], Expiry, Ct))!.Values);
        Assert.Equal(new long[] { 2L, 2L }, (await counters.TryAddAsync([new(a, 2, 1), new(b, 5, 1)], Expiry, Ct))!.Values);

        var refused = (await counters.TryAddAsync([new(b, 5, 1), new(a, 2, 1)], Expiry, Ct))!;
        Assert.Equal(1, refused.RejectedIndex);
        Assert.Equal(new long[] { 2L, 2L }, refused.Values);
        // b was under its limit but is not counted either: a refusal leaves every counter as it was.
        Assert.Equal(new long[] { 2L, 2L }, (await counters.TryAddAsync([new(a, -1, 0), new(b, -1, 0)], Expiry, Ct))!.Values);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_charge_after_the_call_may_overdraw_and_the_next_check_is_refused(string backend)
    {
        var counters = Counters(backend);
        var tokens = Key("tokens");
        Assert.True((await counters.TryAddAsync([new(tokens, 100, 0)], Expiry, Ct))!.Admitted);
        Assert.Equal(new long[] { 250L }, (await counters.TryAddAsync([new(tokens, -1, 250)], Expiry, Ct))!.Values);
        var check = (await counters.TryAddAsync([new(tokens, 100, 0)], Expiry, Ct))!;
        Assert.Equal((0, 250L), (check.RejectedIndex, check.Values[0]));
    }

    [Fact]
    public async Task Redis_counters_expire_with_their_window_and_answer_null_while_redis_is_down()
    {
        var counters = Counters("redis");
        var key = Key("ttl");
        await counters.TryAddAsync([new(key, -1, 1)], Expiry, Ct);
        Assert.InRange(int.Parse(redis.Execute("TTL", key)!, System.Globalization.CultureInfo.InvariantCulture), 1, 120);
        try
        {
            redis.Stop();
            Assert.Null(await counters.TryAddAsync([new(key, 1, 1)], Expiry, Ct));
        }
        finally
        {
            redis.StartAgain();
        }
    }

    [Fact]
    public async Task Memory_counters_start_again_once_expired()
    {
        var clock = new FakeTimeProvider();
        var counters = new MemoryUsageCounters(clock);
        await counters.TryAddAsync([new("k", 1, 1)], Expiry, Ct);
        Assert.False((await counters.TryAddAsync([new("k", 1, 1)], Expiry, Ct))!.Admitted);
        clock.Advance(Expiry);
        Assert.Equal(new long[] { 1L }, (await counters.TryAddAsync([new("k", 1, 1)], Expiry, Ct))!.Values);
    }

    [Fact]
    public void Windows_are_utc_minutes_and_name_their_minute_in_the_key()
    {
        var window = UsageWindow.At(new DateTimeOffset(2026, 12, 1, 10, 0, 45, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(15), window.ResetsIn);
        Assert.EndsWith($":requests:{window.Minute}", window.Key("user", Guid.Empty, "requests"));
        Assert.Equal(window.Minute + 1, UsageWindow.At(new DateTimeOffset(2026, 12, 1, 10, 1, 0, TimeSpan.Zero)).Minute);
    }

    private IUsageCounters Counters(string backend)
    {
        if (backend == "memory")
        {
            return new MemoryUsageCounters(TimeProvider.System);
        }
        redis.EnsureAvailable();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:cache", redis.ConnectionString)]);
        builder.AddPlatformCache();
        builder.AddRateLimits();
        _host = builder.Build();
        return _host.Services.GetRequiredService<IUsageCounters>();
    }

    private static string Key(string name) => $"test:usage:{Guid.NewGuid():N}:{name}";

    public void Dispose() => _host?.Dispose();
}
