namespace Platform.Web.Api;

/// <summary>A user as an admin sees it (GET /api/users); roles are "admin" or "member".</summary>
public sealed record ApiUserInfo(
    Guid Id, string Name, string Email, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int KeyCount, DateTimeOffset? DisabledAt,
    ApiUserLimits? Limits = null)
{
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>A key without its secret; scopes are "admin", "member" or "ingest".</summary>
public sealed record ApiKeyInfo(
    Guid Id, Guid UserId, string Name, string Prefix, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, ApiKeyLimits? Limits = null);

/// <summary>The creation answer: the only time the Api sends a key's secret.</summary>
public sealed record ApiCreatedKey(Guid Id, Guid UserId, string Name, string Prefix, string Scope, DateTimeOffset CreatedAt, string Key);

public sealed record ApiCreateUserRequest(string Name, string Email, string Role);

/// <summary>Null fields are left out of the body, so the Api keeps their values.</summary>
public sealed record ApiUpdateUserRequest(string? Name = null, string? Email = null, string? Role = null);

public sealed record ApiCreateKeyRequest(string Name, string Scope);
