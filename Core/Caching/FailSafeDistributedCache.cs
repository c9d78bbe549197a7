using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Platform.Core.Hosting;

namespace Platform.Core.Caching;

/// <summary>
/// The platform's promise over a remote cache: a backend failure is a miss (or a skipped write) plus a warning at most
/// every 30 s, never an exception in the request that asked.
/// </summary>
internal sealed class FailSafeDistributedCache(IDistributedCache inner, ILogger<FailSafeDistributedCache> logger) : IDistributedCache
{
    private readonly Throttle _warnings = new(TimeSpan.FromSeconds(30));

    public byte[]? Get(string key) => Guard(() => inner.Get(key), "get");

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        GuardAsync(() => inner.GetAsync(key, token), "get", token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Guard(() => { inner.Set(key, value, options); return true; }, "set");

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        GuardAsync(async () => { await inner.SetAsync(key, value, options, token); return true; }, "set", token);

    public void Refresh(string key) => Guard(() => { inner.Refresh(key); return true; }, "refresh");

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        GuardAsync(async () => { await inner.RefreshAsync(key, token); return true; }, "refresh", token);

    public void Remove(string key) => Guard(() => { inner.Remove(key); return true; }, "remove");

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        GuardAsync(async () => { await inner.RemoveAsync(key, token); return true; }, "remove", token);

    private T? Guard<T>(Func<T> operation, string name)
    {
        try
        {
            return operation();
        }
        catch (Exception ex)
        {
            // No caller token here: even a cancellation is the backend's (a command past its timeout).
            Warn(ex, name);
            return default;
        }
    }

    private async Task<T?> GuardAsync<T>(Func<Task<T>> operation, string name, CancellationToken token)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && token.IsCancellationRequested))
        {
            Warn(ex, name);
            return default;
        }
    }

    // With the backend down every request would otherwise log one warning.
    private void Warn(Exception ex, string operation)
    {
        if (_warnings.TryEnter())
        {
            logger.LogWarning("Cache {Operation} failed, treated as a miss: {Message}", operation, ex.Message);
        }
    }
}
