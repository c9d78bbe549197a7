namespace Platform.Web.Api;

/// <summary>A user's own limits; null = the Api's configured default (unlimited unless set). PUT replaces them all.</summary>
public sealed record ApiUserLimits(int? RequestsPerMinute = null, long? TokensPerMinute = null, double? DailyBudgetUsd = null, double? MonthlyBudgetUsd = null);

/// <summary>A key's own per-minute limits, on top of its owner's.</summary>
public sealed record ApiKeyLimits(int? RequestsPerMinute = null, long? TokensPerMinute = null);

/// <summary>GET /api/users/{id}/usage: limits in force, this minute's counts (null while uncounted) and spend.</summary>
public sealed record ApiUserUsageReport(Guid UserId, ApiUserUsage User, List<ApiKeyUsage> Keys);

public sealed record ApiUserUsage(
    ApiUserLimits Limits, long? RequestsThisMinute, long? TokensThisMinute, double SpentTodayUsd, double SpentThisMonthUsd,
    DateTimeOffset DayResetsAt, DateTimeOffset MonthResetsAt);

public sealed record ApiKeyUsage(Guid KeyId, string Prefix, ApiKeyLimits Limits, long? RequestsThisMinute, long? TokensThisMinute);
