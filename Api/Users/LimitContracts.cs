using Platform.Core.RateLimits;
using Platform.Core.Users;

namespace Platform.Api.Users;

/// <summary>A user's own limits (PUT replaces them all; null or absent = the configured default, unlimited unless set).</summary>
public sealed record UserLimitsDto(int? RequestsPerMinute = null, long? TokensPerMinute = null, double? DailyBudgetUsd = null, double? MonthlyBudgetUsd = null)
{
    public static UserLimitsDto From(UserLimits limits) =>
        new(limits.RequestsPerMinute, limits.TokensPerMinute, limits.DailyBudgetUsd, limits.MonthlyBudgetUsd);

    public UserLimits ToEntity() => new()
    {
        RequestsPerMinute = RequestsPerMinute,
        TokensPerMinute = TokensPerMinute,
        DailyBudgetUsd = DailyBudgetUsd,
        MonthlyBudgetUsd = MonthlyBudgetUsd,
    };
}

/// <summary>A key's own limits, on top of its owner's.</summary>
public sealed record KeyLimitsDto(int? RequestsPerMinute = null, long? TokensPerMinute = null)
{
    public static KeyLimitsDto From(KeyLimits limits) => new(limits.RequestsPerMinute, limits.TokensPerMinute);

    public KeyLimits ToEntity() => new() { RequestsPerMinute = RequestsPerMinute, TokensPerMinute = TokensPerMinute };
}

/// <summary>
/// What a user has used and may still use: the limits in force (own values, else defaults), this minute's counts
/// (null while no per-minute limit applies, or the counters are unreachable) and the spend of the UTC day and month.
/// </summary>
public sealed record UsageResponse(Guid UserId, UserUsage User, IReadOnlyList<KeyUsage> Keys);

public sealed record UserUsage(
    UserLimitsDto Limits, long? RequestsThisMinute, long? TokensThisMinute, double SpentTodayUsd, double SpentThisMonthUsd,
    DateTime DayResetsAt, DateTime MonthResetsAt);

public sealed record KeyUsage(Guid KeyId, string Prefix, KeyLimitsDto Limits, long? RequestsThisMinute, long? TokensThisMinute);

internal static class LimitValidation
{
    public static Infrastructure.Validation Validate(UserLimitsDto limits) =>
        new Infrastructure.Validation()
            .Bounded(limits.RequestsPerMinute, "requestsPerMinute", LimitBounds.MaxRequestsPerMinute)
            .Bounded(limits.TokensPerMinute, "tokensPerMinute", LimitBounds.MaxTokensPerMinute)
            .Bounded(limits.DailyBudgetUsd, "dailyBudgetUsd", LimitBounds.MaxBudgetUsd)
            .Bounded(limits.MonthlyBudgetUsd, "monthlyBudgetUsd", LimitBounds.MaxBudgetUsd);

    public static Infrastructure.Validation Validate(KeyLimitsDto limits) =>
        new Infrastructure.Validation()
            .Bounded(limits.RequestsPerMinute, "requestsPerMinute", LimitBounds.MaxRequestsPerMinute)
            .Bounded(limits.TokensPerMinute, "tokensPerMinute", LimitBounds.MaxTokensPerMinute);

    private static Infrastructure.Validation Bounded(this Infrastructure.Validation validation, double? value, string field, double max) =>
        LimitBounds.Check(value, max) is { } problem ? validation.Require(false, field, problem) : validation;
}
