namespace Platform.Core.Users;

/// <summary>What one API key may use, on top of its owner's limits. Null means "the configured default".</summary>
public sealed record KeyLimits
{
    public int? RequestsPerMinute { get; init; }
    public long? TokensPerMinute { get; init; }
}
