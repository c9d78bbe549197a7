namespace Platform.Core.Users;

public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required Guid UserId { get; set; }
    public User? User { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the secret, kept in clear so people can tell their keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole secret, lowercase hex; the secret itself is never stored.</summary>
    public required string Hash { get; set; }

    public required ApiKeyScope Scope { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? LastUsedAt { get; set; }

    /// <summary>Per-minute caps of this key alone; null fields fall back to RateLimits:Defaults.</summary>
    public KeyLimits Limits { get; set; } = new();
}
