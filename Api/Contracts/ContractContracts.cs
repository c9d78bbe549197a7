using System.Text.Json.Nodes;
using Platform.Core.Contracts;

namespace Platform.Api.Contracts;

/// <summary>
/// userId: the end user of the product events. baseContract: the contract to improve (default: the user's latest
/// stored one). version: baseContract's version (absent or invalid: the new one is 0.1.0). model: default Contracts:DefaultModel.
/// </summary>
public sealed record GenerateContractRequest(string? UserId, JsonObject? BaseContract = null, string? Version = null, string? Model = null);

public sealed record ContractResponse(Guid Id, string UserId, string Version, JsonNode? Json, DateTime CreatedAt, DateTime UpdatedAt, JsonNode? Meta)
{
    public static ContractResponse From(UiContract contract) => new(
        contract.Id, contract.UserId, contract.Version, JsonNode.Parse(contract.Json), contract.CreatedAt, contract.UpdatedAt,
        JsonNode.Parse(contract.MetaJson));
}

public sealed record ContractList(IReadOnlyList<ContractResponse> Items);

public sealed record QueuedContractResponse(Guid JobId);

public sealed record ContractVersionRef(Guid Id, string Version, DateTime CreatedAt)
{
    public static ContractVersionRef From(UiContract contract) => new(contract.Id, contract.Version, contract.CreatedAt);
}

/// <summary>What changed from one version to the other, and why the later one was made (its explanation and path).</summary>
public sealed record ContractDiffResponse(
    ContractVersionRef From, ContractVersionRef To, string? Explanation, string OptimizedBy, IReadOnlyList<ContractChange> Changes);
