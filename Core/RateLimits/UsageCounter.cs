namespace Platform.Core.RateLimits;

/// <summary>
/// One counter of a one-minute window. <paramref name="Limit"/> below 0 means "count, never refuse";
/// <paramref name="Amount"/> 0 only checks.
/// </summary>
public readonly record struct UsageCounter(string Key, long Limit, long Amount);

/// <summary>
/// The counters' values after the call (before it when refused) and the index of the first counter that was already
/// at its limit, or -1 when everything was added.
/// </summary>
public sealed record CounterOutcome(int RejectedIndex, long[] Values)
{
    public bool Admitted => RejectedIndex < 0;
}

/// <summary>
/// Per-minute counters shared by every Api replica (Redis) or kept in this process (no Redis configured). Checking
/// and adding is one atomic step: either every counter is under its limit and all are added to, or none is.
/// </summary>
public interface IUsageCounters
{
    /// <summary>Null when the counters cannot be reached: callers let the request through (fail open).</summary>
    Task<CounterOutcome?> TryAddAsync(IReadOnlyList<UsageCounter> counters, TimeSpan expiry, CancellationToken cancellationToken);
}
