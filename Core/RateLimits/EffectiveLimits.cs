using Platform.Core.Users;

namespace Platform.Core.RateLimits;

/// <summary>The limits that apply to one request: the key's and its owner's own values, else the configured defaults.</summary>
public sealed record EffectiveLimits(
    int? KeyRequestsPerMinute, long? KeyTokensPerMinute,
    int? UserRequestsPerMinute, long? UserTokensPerMinute,
    double? DailyBudgetUsd, double? MonthlyBudgetUsd)
{
    public static EffectiveLimits Resolve(KeyLimits key, UserLimits user, LimitDefaults defaults) => new(
        key.RequestsPerMinute ?? defaults.KeyRequestsPerMinute,
        key.TokensPerMinute ?? defaults.KeyTokensPerMinute,
        user.RequestsPerMinute ?? defaults.UserRequestsPerMinute,
        user.TokensPerMinute ?? defaults.UserTokensPerMinute,
        user.DailyBudgetUsd ?? defaults.UserDailyBudgetUsd,
        user.MonthlyBudgetUsd ?? defaults.UserMonthlyBudgetUsd);

    public bool HasRateLimits =>
        KeyRequestsPerMinute is not null || KeyTokensPerMinute is not null || UserRequestsPerMinute is not null || UserTokensPerMinute is not null;

    public bool HasBudgets => DailyBudgetUsd is not null || MonthlyBudgetUsd is not null;

    public bool Any => HasRateLimits || HasBudgets;
}
