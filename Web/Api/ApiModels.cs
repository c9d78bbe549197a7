namespace Platform.Web.Api;

// Web's own view of the Api's JSON contracts: Web deliberately references neither Core nor Api.

public sealed record ApiHealth(string Status, double DurationMs, IReadOnlyDictionary<string, ApiHealthCheck>? Checks);

public sealed record ApiHealthCheck(string Status, string? Description, string? Error);

public sealed record ApiUser(Guid Id, string Name, string Email, string Role, Guid KeyId, string KeyPrefix, string Scope);

public sealed record ApiStatus(
    string Version,
    string Environment,
    string DatabaseProvider,
    string CacheBackend,
    DateTimeOffset StartedAt,
    double UptimeSeconds);

internal sealed record ApiProblem(string? Title, int? Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors = null);
