using System.Text.Json.Nodes;

namespace Platform.Core.Contracts;

/// <summary>
/// One generation request. <see cref="BaseContract"/> null: the latest stored contract of <see cref="UserId"/> visible
/// to <see cref="Scope"/> is the base. <see cref="Version"/> is the given base's version (absent or invalid: the new one is 0.1.0).
/// </summary>
public sealed record ContractGeneration(
    string UserId, JsonObject? BaseContract, string? Version, string? Model, Guid? OwnerUserId, Guid? Scope, string Source);

/// <summary>A stored generation and how it was produced; <see cref="CircuitOpen"/>: the model was not asked because the breaker is open.</summary>
public sealed record ContractOutcome(UiContract Contract, string Path, bool CircuitOpen, int? RetryAfterSeconds);

/// <summary>Neither a base contract in the request nor a stored one for the user.</summary>
public sealed class ContractBaseMissingException(string userId)
    : Exception($"There is no stored contract for user '{userId}'; send a baseContract to start from.");
