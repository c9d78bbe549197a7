namespace Platform.Api.RateLimits;

/// <summary>The tightest per-minute quota that applies to a request, for the x-ratelimit-* headers; nulls = no such limit.</summary>
public sealed record RateQuota(long? LimitRequests, long? RemainingRequests, long? LimitTokens, long? RemainingTokens, TimeSpan ResetsIn)
{
    /// <summary>Of several (limit, used) pairs, the one with the least left.</summary>
    public static (long? Limit, long? Remaining) Tightest(params (long? Limit, long Used)[] pairs)
    {
        (long? Limit, long? Remaining) tightest = (null, null);
        foreach (var (limit, used) in pairs)
        {
            if (limit is { } l && (tightest.Remaining is null || l - used < tightest.Remaining))
            {
                tightest = (l, Math.Max(0, l - used));
            }
        }
        return tightest;
    }

    public RateQuota AfterTokens(long tokens) =>
        RemainingTokens is { } remaining ? this with { RemainingTokens = Math.Max(0, remaining - tokens) } : this;
}
