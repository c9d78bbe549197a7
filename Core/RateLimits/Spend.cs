namespace Platform.Core.RateLimits;

/// <summary>A user's spend in USD in the current UTC day and month.</summary>
public readonly record struct Spend(double TodayUsd, double ThisMonthUsd);
