using System.Text.Json.Nodes;

namespace Platform.Web.Api;

// UI contracts (/api/contracts): versions generated per end user from their analytics, their diff, and the breaker.

/// <summary>One stored version of an end user's UI contract; <paramref name="Json"/> is the contract itself.</summary>
public sealed record ApiContract(
    Guid Id,
    string UserId,
    string Version,
    JsonObject? Json,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ApiContractMeta? Meta);

/// <summary>
/// How a version came to be. <paramref name="OptimizedBy"/>: openai, anthropic, gemini, offline, heuristic or safe;
/// <paramref name="Analytics"/>: the summary the generation read, kept as the Api sent it.
/// </summary>
public sealed record ApiContractMeta(
    string? Description,
    string? OptimizedBy,
    string? OptimizedByModel,
    string? OptimizationExplanation,
    JsonNode? Analytics,
    IReadOnlyList<string>? AppliedRules);

public sealed record ApiContractList(IReadOnlyList<ApiContract> Items);

/// <summary>POST /api/contracts/generate and generate-async; nulls are left out of the body.</summary>
public sealed record ContractGenerateRequest(string UserId, JsonNode? BaseContract = null, string? Version = null, string? Model = null);

/// <summary>
/// What a synchronous generation answered: the stored version, the path that produced it (X-Contract-Path) and, while the
/// contract breaker is open, the fallback that stood in (X-Contract-Fallback) and when to try again (Retry-After).
/// </summary>
public sealed record ApiContractGenerated(ApiContract Contract, string? Path, string? Fallback, TimeSpan? RetryAfter);

public sealed record ApiContractJobAccepted(Guid JobId);

public sealed record ApiContractDiff(
    ApiContractRef From,
    ApiContractRef To,
    string? Explanation,
    string? OptimizedBy,
    IReadOnlyList<ApiContractChange> Changes);

public sealed record ApiContractRef(Guid Id, string Version, DateTimeOffset CreatedAt);

/// <summary><paramref name="Op"/>: add, remove or replace; <paramref name="Path"/> is a JSON Pointer into the contract.</summary>
public sealed record ApiContractChange(string Op, string Path, JsonNode? OldValue, JsonNode? NewValue);

/// <summary>The contract generation path's circuit breaker in the Api process (the Worker has its own).</summary>
public sealed record ApiContractBreaker(
    string State,
    int ConsecutiveFailures,
    int FailureThreshold,
    double BreakSeconds,
    DateTimeOffset? OpenedAt,
    double? RetryAfterSeconds);
