using Platform.Core.RateLimits;

namespace Platform.Api.RateLimits;

/// <summary>
/// An admitted request's account: after the call its real token usage is added to the per-minute token counters and
/// its cost to the owner's spend. <see cref="Quota"/> is null when the counters could not be reached (fail open).
/// </summary>
public sealed class UsageLease(IUsageCounters counters, SpendLedger ledger, Guid userId, IReadOnlyList<string> tokenKeys, RateQuota? quota)
{
    public RateQuota? Quota { get; private set; } = quota;

    public async Task ChargeAsync(long tokens, double? costUsd, Guid interactionId)
    {
        if (costUsd is { } cost)
        {
            ledger.Charge(userId, interactionId, cost);
        }
        if (tokens <= 0 || tokenKeys.Count == 0)
        {
            return;
        }
        // Charged after the answer, so a request can take the window past its limit; the next one is refused.
        await counters.TryAddAsync([.. tokenKeys.Select(k => new UsageCounter(k, -1, tokens))], UsageWindow.Expiry, CancellationToken.None);
        Quota = Quota?.AfterTokens(tokens);
    }
}
