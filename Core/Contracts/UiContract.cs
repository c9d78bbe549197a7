namespace Platform.Core.Contracts;

/// <summary>
/// One stored version of an end user's UI contract. <see cref="Json"/> is the whole contract (its meta included);
/// <see cref="MetaJson"/> repeats the meta on its own so lists need not parse the contract. The version's numeric parts
/// are kept as columns so "latest" orders 0.1.10 after 0.1.9.
/// </summary>
public sealed class UiContract
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The platform user whose key generated it: members see their own contracts only.</summary>
    public Guid? OwnerUserId { get; set; }

    /// <summary>The end user of the product events the contract was optimized for.</summary>
    public required string UserId { get; set; }

    public required string Version { get; set; }
    public int VersionMajor { get; set; }
    public int VersionMinor { get; set; }
    public int VersionPatch { get; set; }

    public required string Json { get; set; }
    public required string MetaJson { get; set; }

    /// <summary>openai | anthropic | gemini | offline | heuristic | safe (<see cref="ContractPaths"/>).</summary>
    public required string OptimizedBy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
