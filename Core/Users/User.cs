namespace Platform.Core.Users;

public sealed class User
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Email { get; set; }
    public required UserRole Role { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;

    /// <summary>Set while the user is disabled: their keys are refused, their records stay.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>Per-minute caps and spend budgets over all of the user's keys; null fields fall back to RateLimits:Defaults.</summary>
    public UserLimits Limits { get; set; } = new();

    public List<ApiKey> Keys { get; set; } = [];
}
