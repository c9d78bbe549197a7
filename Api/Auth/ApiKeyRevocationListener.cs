using Platform.Core.Caching;

namespace Platform.Api.Auth;

/// <summary>
/// Subscribes to the revocation channel and evicts what other replicas forget. Keeps trying while Redis is down at
/// start; once subscribed, the multiplexer restores the subscription after a reconnect by itself.
/// </summary>
internal sealed class ApiKeyRevocationListener(ApiKeyRevocations revocations, ApiKeyStore store, ILogger<ApiKeyRevocationListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (revocations.Redis is not { } redis)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(ApiKeyRevocations.Channel,
                    (_, message) => store.Evict(message.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries)));
                return;
            }
            catch (Exception ex) when (RedisFailures.IsUnavailable(ex, stoppingToken))
            {
                logger.LogWarning("Could not subscribe to API-key revocations yet, retrying in {Seconds} s: {Message}", RetryDelay.TotalSeconds, ex.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
