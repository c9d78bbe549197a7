using Microsoft.Extensions.Options;
using Platform.Api.Users;
using Platform.Core.RateLimits;
using Platform.Core.Users;

namespace Platform.Api.RateLimits;

/// <summary>Reads (never adds to) the current minute's counters and the spend of a user and some of their keys.</summary>
public sealed class UsageReport(IUsageCounters counters, SpendLedger ledger, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public async Task<UsageResponse> ReadAsync(
        Guid userId, UserLimits userLimits, IReadOnlyList<(Guid Id, string Prefix, KeyLimits Limits)> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = UsageWindow.At(now);
        var defaults = options.Value.Defaults;
        var counterKeys = keys.Select(k => UsageKeys.For(k.Id, userId, window)).ToList();
        var userKeys = UsageKeys.For(Guid.Empty, userId, window);
        List<UsageCounter> reads =
        [
            new(userKeys.UserRequests, -1, 0), new(userKeys.UserTokens, -1, 0),
            .. counterKeys.SelectMany(k => new UsageCounter[] { new(k.KeyRequests, -1, 0), new(k.KeyTokens, -1, 0) }),
        ];
        var values = (await counters.TryAddAsync(reads, UsageWindow.Expiry, cancellationToken))?.Values;
        var spend = await ledger.GetAsync(userId, cancellationToken);
        var periods = BudgetPeriods.At(now);

        var keyUsage = keys.Select((k, i) =>
        {
            var effective = EffectiveLimits.Resolve(k.Limits, userLimits, defaults);
            var counted = values is not null && effective.HasRateLimits;
            return new KeyUsage(k.Id, k.Prefix, new KeyLimitsDto(effective.KeyRequestsPerMinute, effective.KeyTokensPerMinute),
                counted ? values![2 + 2 * i] : null, counted ? values![3 + 2 * i] : null);
        }).ToList();
        var user = EffectiveLimits.Resolve(new KeyLimits(), userLimits, defaults);
        // Counts exist only while some per-minute limit applies to the user or one of the keys.
        var userCounted = values is not null && (user.HasRateLimits || keys.Any(k => EffectiveLimits.Resolve(k.Limits, userLimits, defaults).HasRateLimits));
        return new UsageResponse(userId,
            new UserUsage(new UserLimitsDto(user.UserRequestsPerMinute, user.UserTokensPerMinute, user.DailyBudgetUsd, user.MonthlyBudgetUsd),
                userCounted ? values![0] : null, userCounted ? values![1] : null, spend.TodayUsd, spend.ThisMonthUsd, periods.NextDay, periods.NextMonth),
            keyUsage);
    }
}
