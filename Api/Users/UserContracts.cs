using Platform.Core.Users;

namespace Platform.Api.Users;

public sealed record CreateUserRequest(string Name, string Email, UserRole Role = UserRole.Member);

public sealed record UpdateUserRequest(string? Name = null, string? Email = null, UserRole? Role = null);

public sealed record UserResponse(
    Guid Id, string Name, string Email, UserRole Role, DateTime CreatedAt, DateTime UpdatedAt, int KeyCount, DateTime? DisabledAt, UserLimitsDto Limits)
{
    public static UserResponse From(User user) =>
        new(user.Id, user.Name, user.Email, user.Role, user.CreatedAt, user.UpdatedAt, user.Keys.Count, user.DisabledAt, UserLimitsDto.From(user.Limits));
}

public sealed record CreateKeyRequest(string Name, ApiKeyScope Scope = ApiKeyScope.Member);

public sealed record ApiKeyResponse(
    Guid Id, Guid UserId, string Name, string Prefix, ApiKeyScope Scope, DateTime CreatedAt, DateTime? LastUsedAt, KeyLimitsDto Limits)
{
    public static ApiKeyResponse From(ApiKey key) =>
        new(key.Id, key.UserId, key.Name, key.Prefix, key.Scope, key.CreatedAt, key.LastUsedAt, KeyLimitsDto.From(key.Limits));
}

/// <summary>The only answer that ever carries a key's secret: it is shown once, at creation.</summary>
public sealed record CreatedApiKeyResponse(Guid Id, Guid UserId, string Name, string Prefix, ApiKeyScope Scope, DateTime CreatedAt, string Key);

public sealed record MeResponse(Guid Id, string Name, string Email, UserRole Role, Guid KeyId, string KeyPrefix, ApiKeyScope Scope);
