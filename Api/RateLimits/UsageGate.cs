using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Core.RateLimits;

namespace Platform.Api.RateLimits;

/// <summary>
/// Decides whether a request may run under its key's and owner's limits: budgets first (spend so far against the
/// day's and month's budget), then the per-minute counters in one atomic step (a request counts one, tokens are only
/// checked: refused once the window's tokens are used up, charged with the real usage after the call).
/// </summary>
public sealed class UsageGate(IUsageCounters counters, SpendLedger ledger, IOptions<RateLimitOptions> options, TimeProvider clock)
{
    public async Task<UsageAdmission> AdmitAsync(ApiKeyIdentity identity, bool limitTokens, CancellationToken cancellationToken)
    {
        var limits = EffectiveLimits.Resolve(identity.KeyLimits, identity.UserLimits, options.Value.Defaults);
        if (!limits.Any)
        {
            return UsageAdmission.Unlimited;
        }
        if (limits.HasBudgets && await BudgetRejectionAsync(identity.UserId, limits, cancellationToken) is { } exhausted)
        {
            return new(exhausted, null);
        }
        if (!limits.HasRateLimits)
        {
            return new(null, new UsageLease(counters, ledger, identity.UserId, [], null));
        }

        var window = UsageWindow.At(clock.GetUtcNow());
        var keys = UsageKeys.For(identity.KeyId, identity.UserId, window);
        var tokenLimit = (long? limit) => limitTokens ? limit ?? -1 : -1;
        UsageCounter[] checks =
        [
            new(keys.KeyRequests, limits.KeyRequestsPerMinute ?? -1, 1),
            new(keys.UserRequests, limits.UserRequestsPerMinute ?? -1, 1),
            new(keys.KeyTokens, tokenLimit(limits.KeyTokensPerMinute), 0),
            new(keys.UserTokens, tokenLimit(limits.UserTokensPerMinute), 0),
        ];
        var outcome = await counters.TryAddAsync(checks, UsageWindow.Expiry, cancellationToken);
        if (outcome is null)
        {
            return new(null, new UsageLease(counters, ledger, identity.UserId, [], null));
        }
        if (!outcome.Admitted)
        {
            return new(Rejection(outcome.RejectedIndex, checks[outcome.RejectedIndex].Limit, window), null);
        }
        var requests = RateQuota.Tightest((limits.KeyRequestsPerMinute, outcome.Values[0]), (limits.UserRequestsPerMinute, outcome.Values[1]));
        var tokens = limitTokens
            ? RateQuota.Tightest((limits.KeyTokensPerMinute, outcome.Values[2]), (limits.UserTokensPerMinute, outcome.Values[3]))
            : (null, null);
        var quota = new RateQuota(requests.Limit, requests.Remaining, tokens.Limit, tokens.Remaining, window.ResetsIn);
        return new(null, new UsageLease(counters, ledger, identity.UserId, [keys.KeyTokens, keys.UserTokens], quota));
    }

    private async Task<RateLimitRejection?> BudgetRejectionAsync(Guid userId, EffectiveLimits limits, CancellationToken cancellationToken)
    {
        var spend = await ledger.GetAsync(userId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var periods = BudgetPeriods.At(now);
        if (limits.DailyBudgetUsd is { } daily && spend.TodayUsd >= daily)
        {
            return Budget("user.dailyBudgetUsd", "daily", daily, spend.TodayUsd, periods.NextDay - now);
        }
        if (limits.MonthlyBudgetUsd is { } monthly && spend.ThisMonthUsd >= monthly)
        {
            return Budget("user.monthlyBudgetUsd", "monthly", monthly, spend.ThisMonthUsd, periods.NextMonth - now);
        }
        return null;
    }

    private static RateLimitRejection Budget(string limit, string period, double budget, double spent, TimeSpan retryAfter) =>
        new(limit, "budget", string.Create(CultureInfo.InvariantCulture,
            $"The {period} budget of {budget} USD is used up ({spent:0.######} USD spent); it renews at the start of the next UTC {(period == "daily" ? "day" : "month")}."),
            retryAfter);

    private static RateLimitRejection Rejection(int index, long limit, UsageWindow window)
    {
        var (name, kind, what) = index switch
        {
            0 => ("key.requestsPerMinute", "requests", "requests per minute of this API key"),
            1 => ("user.requestsPerMinute", "requests", "requests per minute of this user"),
            2 => ("key.tokensPerMinute", "tokens", "tokens per minute of this API key"),
            _ => ("user.tokensPerMinute", "tokens", "tokens per minute of this user"),
        };
        var seconds = Math.Max(1, (int)Math.Ceiling(window.ResetsIn.TotalSeconds));
        return new(name, kind, $"Rate limit reached: {limit} {what} ({name}). Try again in {seconds} s.", window.ResetsIn);
    }
}
