namespace Platform.Core.Users;

/// <summary>What one user may use across all of their keys. Null means "the configured default" (unlimited unless set).</summary>
public sealed record UserLimits
{
    public int? RequestsPerMinute { get; init; }
    public long? TokensPerMinute { get; init; }

    /// <summary>Spend per UTC day in USD, priced by the gateway's pricing catalog.</summary>
    public double? DailyBudgetUsd { get; init; }

    /// <summary>Spend per UTC calendar month in USD.</summary>
    public double? MonthlyBudgetUsd { get; init; }
}
