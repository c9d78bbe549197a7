using Platform.Core.Users;

namespace Platform.Api.Auth;

/// <summary>
/// What a key resolves to; cached briefly so most requests skip the database. The authentication handler leaves it in
/// the request's features for the rate limits.
/// </summary>
public sealed record ApiKeyIdentity(
    Guid KeyId, string KeyPrefix, ApiKeyScope Scope, Guid UserId, string UserName, string Email, UserRole Role, DateTime? LastUsedAt,
    KeyLimits KeyLimits, UserLimits UserLimits);
