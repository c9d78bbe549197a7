namespace Platform.Core.RateLimits;

/// <summary>The range a limit may take, for the admin API and the configured defaults alike.</summary>
public static class LimitBounds
{
    public const int MaxRequestsPerMinute = 1_000_000;
    public const long MaxTokensPerMinute = 1_000_000_000;
    public const double MaxBudgetUsd = 1_000_000;

    /// <summary>Null when <paramref name="value"/> is unset or within 0..max, else the complaint.</summary>
    public static string? Check(double? value, double max) =>
        value is not { } v ? null
        : double.IsFinite(v) && v >= 0 && v <= max ? null
        : $"is {v}; it must be between 0 and {max:0} (or null for no limit).";
}
