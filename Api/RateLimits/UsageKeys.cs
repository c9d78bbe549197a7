using Platform.Core.RateLimits;

namespace Platform.Api.RateLimits;

/// <summary>The four per-minute counters of a key and its owner in one window.</summary>
public readonly record struct UsageKeys(string KeyRequests, string UserRequests, string KeyTokens, string UserTokens)
{
    public static UsageKeys For(Guid keyId, Guid userId, UsageWindow window) => new(
        window.Key("key", keyId, "requests"), window.Key("user", userId, "requests"),
        window.Key("key", keyId, "tokens"), window.Key("user", userId, "tokens"));
}
