using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Hosting;
using Platform.Core.Users;

namespace Platform.Api.Auth;

/// <summary>
/// Resolves secrets to identities (keys of disabled users resolve to none), cached in process for Platform:Auth:CacheSeconds. When the database cannot be
/// reached, the last answer (at most Platform:Auth:StaleSeconds old) is served instead, so authenticated requests
/// that need no database keep working through an outage. Forget evicts here at once and, with Redis, on every replica
/// (see <see cref="ApiKeyRevocations"/>); without Redis other replicas see the change within CacheSeconds.
/// </summary>
public sealed class ApiKeyStore(
    IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock, IOptions<ApiKeyCacheOptions> options,
    ApiKeyRevocations revocations, ILogger<ApiKeyStore> logger)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly Throttle _staleWarnings = new(TimeSpan.FromSeconds(30));

    public async Task<ApiKeyIdentity?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(secret);
        var now = clock.GetUtcNow();
        cache.TryGetValue(CacheKey(hash), out CachedIdentity? cached);
        if (cached is not null && now - cached.ReadAt < TimeSpan.FromSeconds(options.Value.CacheSeconds))
        {
            return cached.Identity;
        }

        ApiKeyIdentity? identity;
        try
        {
            identity = await LoadAsync(hash, now.UtcDateTime, cancellationToken);
        }
        catch (Exception ex) when (cached is not null && DatabaseOutage.IsOutage(ex))
        {
            if (_staleWarnings.TryEnter())
            {
                logger.LogWarning("Database unavailable; API keys are served from the last known answers (up to {Seconds} s old): {Message}",
                    options.Value.StaleSeconds, ex.Message);
            }
            return cached.Identity;
        }
        if (identity is null)
        {
            cache.Remove(CacheKey(hash));
            return null;
        }
        cache.Set(CacheKey(hash), new CachedIdentity(identity, now), TimeSpan.FromSeconds(options.Value.StaleSeconds));
        return identity;
    }

    /// <summary>Forget cached identities after a key or user changed: here at once, on other replicas through Redis when configured.</summary>
    public void Forget(IEnumerable<string> hashes)
    {
        var list = hashes.ToList();
        Evict(list);
        revocations.Publish(list);
    }

    /// <summary>Drops cached identities in this process only.</summary>
    public void Evict(IEnumerable<string> hashes)
    {
        foreach (var hash in hashes)
        {
            cache.Remove(CacheKey(hash));
        }
    }

    private async Task<ApiKeyIdentity?> LoadAsync(string hash, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var identity = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.User!.DisabledAt == null)
            .Select(k => new ApiKeyIdentity(k.Id, k.Prefix, k.Scope, k.UserId, k.User!.Name, k.User.Email, k.User.Role, k.LastUsedAt, k.Limits, k.User.Limits))
            .FirstOrDefaultAsync(cancellationToken);
        // Last-used is coarse on purpose: one write per key per minute, not one per request.
        if (identity is not null && (identity.LastUsedAt is null || now - identity.LastUsedAt > LastUsedResolution))
        {
            await db.ApiKeys.Where(k => k.Id == identity.KeyId)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
            identity = identity with { LastUsedAt = now };
        }
        return identity;
    }

    private static string CacheKey(string hash) => "apikey:" + hash;

    private sealed record CachedIdentity(ApiKeyIdentity Identity, DateTimeOffset ReadAt);
}
