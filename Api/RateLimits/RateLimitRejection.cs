namespace Platform.Api.RateLimits;

/// <summary>
/// Which limit refused a request and when to come back. <paramref name="Limit"/> names it as the admin API does
/// (<c>key.requestsPerMinute</c>, <c>user.dailyBudgetUsd</c>); <paramref name="Kind"/> is requests, tokens or budget.
/// </summary>
public sealed record RateLimitRejection(string Limit, string Kind, string Detail, TimeSpan RetryAfter);
