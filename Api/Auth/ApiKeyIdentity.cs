using Platform.Core.Users;

namespace Platform.Api.Auth;

/// <summary>What a key resolves to; cached briefly so most requests skip the database.</summary>
public sealed record ApiKeyIdentity(
    Guid KeyId, string KeyPrefix, ApiKeyScope Scope, Guid UserId, string UserName, string Email, UserRole Role, DateTime? LastUsedAt);
