using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Caching;

public static class CacheExtensions
{
    public const string ConnectionStringName = "cache";

    /// <summary>IDistributedCache in memory, or on Redis when ConnectionStrings:cache is set.</summary>
    public static IHostApplicationBuilder AddPlatformCache(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            builder.Services.AddSingleton(new CacheBackend("memory", null));
            builder.Services.AddDistributedMemoryCache();
            return builder;
        }

        builder.Services.AddSingleton(new CacheBackend("redis", RedisConnection.DescribeEndpoint(connectionString)));
        builder.Services.AddSingleton(sp => RedisConnection.Create(connectionString, sp));
        builder.Services.AddSingleton<IDistributedCache, RedisDistributedCache>();
        // Degraded, not unhealthy: without Redis every lookup is a miss, but requests still succeed.
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("cache", HealthStatus.Degraded);
        return builder;
    }
}
