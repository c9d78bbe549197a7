namespace Platform.Core.RateLimits;

/// <summary>
/// Section <c>RateLimits</c>: defaults for limits a user or key leaves unset (all unset = unlimited, the default), and
/// how long a user's spend read from the database is trusted.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public LimitDefaults Defaults { get; set; } = new();

    /// <summary>Seconds a user's spend summed from the interactions table is reused before it is read again.</summary>
    public int SpendCacheSeconds { get; set; } = 5;

    /// <summary>Null when valid, else the message naming the setting.</summary>
    public string? Problem() =>
        SpendCacheSeconds is < 0 or > 3600 ? $"{Section}:SpendCacheSeconds must be between 0 and 3600."
        : LimitBounds.Check(Defaults.KeyRequestsPerMinute, LimitBounds.MaxRequestsPerMinute) is { } a ? $"{Section}:Defaults:KeyRequestsPerMinute {a}"
        : LimitBounds.Check(Defaults.KeyTokensPerMinute, LimitBounds.MaxTokensPerMinute) is { } b ? $"{Section}:Defaults:KeyTokensPerMinute {b}"
        : LimitBounds.Check(Defaults.UserRequestsPerMinute, LimitBounds.MaxRequestsPerMinute) is { } c ? $"{Section}:Defaults:UserRequestsPerMinute {c}"
        : LimitBounds.Check(Defaults.UserTokensPerMinute, LimitBounds.MaxTokensPerMinute) is { } d ? $"{Section}:Defaults:UserTokensPerMinute {d}"
        : LimitBounds.Check(Defaults.UserDailyBudgetUsd, LimitBounds.MaxBudgetUsd) is { } e ? $"{Section}:Defaults:UserDailyBudgetUsd {e}"
        : LimitBounds.Check(Defaults.UserMonthlyBudgetUsd, LimitBounds.MaxBudgetUsd) is { } f ? $"{Section}:Defaults:UserMonthlyBudgetUsd {f}"
        : null;
}

/// <summary>What applies where a user or key has no limit of its own; null = unlimited.</summary>
public sealed class LimitDefaults
{
    public int? KeyRequestsPerMinute { get; set; }
    public long? KeyTokensPerMinute { get; set; }
    public int? UserRequestsPerMinute { get; set; }
    public long? UserTokensPerMinute { get; set; }
    public double? UserDailyBudgetUsd { get; set; }
    public double? UserMonthlyBudgetUsd { get; set; }
}
