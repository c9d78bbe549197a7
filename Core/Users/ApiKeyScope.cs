namespace Platform.Core.Users;

/// <summary>What a key may do; ordered from least to most powerful.</summary>
public enum ApiKeyScope
{
    Ingest,
    Member,
    Admin,
}

public static class ApiKeyScopes
{
    /// <summary>A key never grants more than its owner's role: a demoted admin's admin keys act as member keys.</summary>
    public static ApiKeyScope Effective(ApiKeyScope keyScope, UserRole ownerRole) =>
        ownerRole == UserRole.Admin || keyScope != ApiKeyScope.Admin ? keyScope : ApiKeyScope.Member;

    public static bool AllowedFor(ApiKeyScope scope, UserRole role) =>
        role == UserRole.Admin || scope != ApiKeyScope.Admin;
}
