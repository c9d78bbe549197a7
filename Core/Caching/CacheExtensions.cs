using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Hosting;
using StackExchange.Redis;

namespace Platform.Core.Caching;

public static class CacheExtensions
{
    public const string ConnectionStringName = "cache";

    /// <summary>
    /// IDistributedCache in memory, or on Redis when ConnectionStrings:cache is set: Aspire's Redis client (tracing,
    /// configuration) under Microsoft's Redis cache, behind a fail-safe layer so Redis down means misses.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformCache(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            builder.Services.AddSingleton(new CacheBackend("memory", null));
            builder.Services.AddDistributedMemoryCache();
            return builder;
        }

        builder.Services.AddSingleton(new CacheBackend("redis", DescribeEndpoint(connectionString)));
        builder.AddRedisClient(
            ConnectionStringName,
            settings =>
            {
                // Aspire's own check reports Unhealthy when Redis is down; ours says Degraded, which is the truth here.
                settings.DisableHealthChecks = true;
                // A span per Redis command costs on every cache lookup; only worth it when someone receives them.
                settings.DisableTracing = !TelemetryExport.IsEnabled(builder.Configuration);
            },
            options =>
            {
                // Start even when Redis is down, and fail a command at once while it is: a cache lookup must never hold
                // a request for the default 5 s backlog wait. The multiplexer reconnects by itself.
                options.AbortOnConnectFail = false;
                options.BacklogPolicy = BacklogPolicy.FailFast;
                // Timeouts named in the connection string win (a distant Redis may need more than 1 s).
                if (!Names(connectionString, "connectTimeout"))
                {
                    options.ConnectTimeout = 2000;
                }
                if (!Names(connectionString, "syncTimeout"))
                {
                    options.SyncTimeout = 1000;
                }
                if (!Names(connectionString, "asyncTimeout"))
                {
                    options.AsyncTimeout = 1000;
                }
            });
        builder.Services.AddOptions<RedisCacheOptions>()
            .Configure<IServiceProvider>((options, services) =>
                options.ConnectionMultiplexerFactory = () => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>()));
        builder.Services.AddSingleton<IDistributedCache>(services => new FailSafeDistributedCache(
            new RedisCache(services.GetRequiredService<IOptions<RedisCacheOptions>>()),
            services.GetRequiredService<ILogger<FailSafeDistributedCache>>()));
        // Degraded, not unhealthy: without Redis every lookup is a miss, but requests still succeed.
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("cache", HealthStatus.Degraded);
        return builder;
    }

    private static bool Names(string connectionString, string option) =>
        connectionString.Split(',').Any(part => part.TrimStart().StartsWith(option + "=", StringComparison.OrdinalIgnoreCase));

    public static string DescribeEndpoint(string connectionString) =>
        ConfigurationOptions.Parse(connectionString).EndPoints.FirstOrDefault()?.ToString() ?? "redis";
}
