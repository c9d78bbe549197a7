using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Core.Caching;
using Platform.Testing;

namespace Platform.Core.Tests.Caching;

/// <summary>Against a real redis-server. Runs in one collection: one test stops and restarts the shared server.</summary>
[Collection(nameof(RedisCacheTests))]
public sealed class RedisCacheTests(RedisServer redis) : IDisposable
{
    private readonly IHost _host = BuildHost(redis);

    private IDistributedCache Cache => _host.Services.GetRequiredService<IDistributedCache>();

    [Fact]
    public async Task Set_get_and_remove_go_through_redis()
    {
        redis.EnsureAvailable();
        var ct = TestContext.Current.CancellationToken;
        await Cache.SetStringAsync("t:a", "hello", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) }, ct);
        Assert.Equal("hello", await Cache.GetStringAsync("t:a", ct));
        Assert.Equal("hash", redis.Execute("TYPE", "t:a"));
        await Cache.RemoveAsync("t:a", ct);
        Assert.Null(await Cache.GetStringAsync("t:a", ct));
    }

    [Fact]
    public async Task Entries_carry_their_ttl_in_redis()
    {
        redis.EnsureAvailable();
        var ct = TestContext.Current.CancellationToken;
        await Cache.SetStringAsync("t:ttl", "x", new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(300) }, ct);
        var ttl = int.Parse(redis.Execute("TTL", "t:ttl")!);
        Assert.InRange(ttl, 1, 300);
    }

    [Fact]
    public async Task Redis_down_means_misses_not_failures_and_recovery_brings_hits_back()
    {
        redis.EnsureAvailable();
        var ct = TestContext.Current.CancellationToken;
        await Cache.SetStringAsync("t:down", "before", ct);
        try
        {
            redis.Stop();
            Assert.Null(await Cache.GetStringAsync("t:down", ct));
            await Cache.SetStringAsync("t:down", "during", ct);
            await Cache.RemoveAsync("t:down", ct);
        }
        finally
        {
            redis.StartAgain();
        }

        // The multiplexer reconnects in the background and failed writes are swallowed as misses, so wait for the
        // state that matters (a write that reads back) with a deadline generous enough for a loaded CI machine.
        string? readBack = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (readBack != "after" && DateTime.UtcNow < deadline)
        {
            await Cache.SetStringAsync("t:down", "after", ct);
            readBack = await Cache.GetStringAsync("t:down", ct);
            if (readBack != "after")
            {
                await Task.Delay(100, ct);
            }
        }
        Assert.Equal("after", readBack);
    }

    [Fact]
    public void Memory_is_the_default_backend_without_a_connection_string()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddPlatformCache();
        using var host = builder.Build();
        Assert.Equal("memory", host.Services.GetRequiredService<CacheBackend>().Name);
    }

    private static IHost BuildHost(RedisServer redis)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:cache", redis.Available ? redis.ConnectionString : "127.0.0.1:1")]);
        builder.Services.AddLogging();
        builder.AddPlatformCache();
        return builder.Build();
    }

    public void Dispose() => _host.Dispose();
}
