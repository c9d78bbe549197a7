using StackExchange.Redis;

namespace Platform.Api.Auth;

/// <summary>
/// Tells every Api replica to drop cached API-key identities, over a Redis channel when ConnectionStrings:cache is set
/// (Aspire's IConnectionMultiplexer); without Redis it does nothing and replicas rely on the cache lifetime.
/// A message lost while Redis is down costs at most that lifetime too.
/// </summary>
public sealed class ApiKeyRevocations(IServiceProvider services, ILogger<ApiKeyRevocations> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("platform:apikeys:forget");

    public IConnectionMultiplexer? Redis { get; } = services.GetService<IConnectionMultiplexer>();

    public void Publish(IReadOnlyCollection<string> hashes)
    {
        if (Redis is null || hashes.Count == 0)
        {
            return;
        }
        _ = PublishAsync(Redis, string.Join(',', hashes));
    }

    private async Task PublishAsync(IConnectionMultiplexer redis, string message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not publish an API-key revocation to Redis; other replicas see it within the cache lifetime: {Message}", ex.Message);
        }
    }
}
