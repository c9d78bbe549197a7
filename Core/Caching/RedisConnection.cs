using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.Core.Caching;

/// <summary>One multiplexer per process; it reconnects by itself after Redis comes back.</summary>
public sealed class RedisConnection(ConnectionMultiplexer multiplexer) : IDisposable
{
    public IDatabase Database => multiplexer.GetDatabase();
    public bool IsConnected => multiplexer.IsConnected;

    public static RedisConnection Create(string connectionString, IServiceProvider services)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even when Redis is down: the cache degrades to misses rather than failing the process.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<RedisConnection>();
        var multiplexer = ConnectionMultiplexer.Connect(options);
        if (!multiplexer.IsConnected)
        {
            logger.LogWarning("Redis at {Endpoint} is not reachable; caching degrades to misses until it is", DescribeEndpoint(connectionString));
        }
        return new RedisConnection(multiplexer);
    }

    public static string DescribeEndpoint(string connectionString) =>
        ConfigurationOptions.Parse(connectionString).EndPoints.FirstOrDefault()?.ToString() ?? "redis";

    public void Dispose() => multiplexer.Dispose();
}
