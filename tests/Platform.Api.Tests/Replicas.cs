using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>A redis-server of a test class's own, for classes that stop it or must not share it with others.</summary>
public sealed class PrivateRedis : IAsyncLifetime
{
    public RedisServer Server { get; } = new();

    public ValueTask InitializeAsync() => Server.InitializeAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>Api replicas sharing one PostgreSQL database and one Redis.</summary>
internal static class Replicas
{
    public static async Task<(ApiFactory A, ApiFactory B)> StartTwoAsync(
        PostgresServer postgres, RedisServer redis, string databasePrefix, IDictionary<string, string>? settings = null)
    {
        postgres.EnsureAvailable();
        redis.EnsureAvailable();
        var connectionString = await postgres.CreateDatabaseAsync(databasePrefix);
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        all.TryAdd("ConnectionStrings:cache", redis.ConnectionString);
        // One after the other: the first replica migrates the database.
        var a = new ApiFactory(connectionString, all);
        a.CreateClient().Dispose();
        var b = new ApiFactory(connectionString, all);
        b.CreateClient().Dispose();
        return (a, b);
    }
}
