using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.Core.Data;
using Platform.Core.Users;

namespace Platform.Api.Auth;

/// <summary>
/// Resolves secrets to identities (keys of disabled users resolve to none). Lookups are cached in process for a few
/// seconds: a key deleted, or its user disabled, through another Api process keeps working at most that long;
/// changes through this process take effect at once.
/// </summary>
public sealed class ApiKeyStore(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyIdentity?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(secret);
        if (cache.TryGetValue(CacheKey(hash), out ApiKeyIdentity? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var identity = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.User!.DisabledAt == null)
            .Select(k => new ApiKeyIdentity(k.Id, k.Prefix, k.Scope, k.UserId, k.User!.Name, k.User.Email, k.User.Role, k.LastUsedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (identity is null)
        {
            return null;
        }

        // Last-used is coarse on purpose: one write per key per minute, not one per request.
        var now = clock.GetUtcNow().UtcDateTime;
        if (identity.LastUsedAt is null || now - identity.LastUsedAt > LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == identity.KeyId)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
            identity = identity with { LastUsedAt = now };
        }
        cache.Set(CacheKey(hash), identity, CacheFor);
        return identity;
    }

    /// <summary>Forget cached identities after a key or user changed, so this process sees the change at once.</summary>
    public void Forget(IEnumerable<string> hashes)
    {
        foreach (var hash in hashes)
        {
            cache.Remove(CacheKey(hash));
        }
    }

    private static string CacheKey(string hash) => "apikey:" + hash;
}
