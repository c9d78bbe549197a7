using System.Globalization;

namespace Platform.Api.RateLimits;

/// <summary>The x-ratelimit-* headers as OpenAI names them, for the limits that apply; resets in Go duration style ("12.5s").</summary>
internal static class RateLimitHeaders
{
    public static void Write(HttpResponse response, RateQuota quota)
    {
        var reset = Duration(quota.ResetsIn);
        if (quota.LimitRequests is { } limitRequests)
        {
            response.Headers["x-ratelimit-limit-requests"] = Number(limitRequests);
            response.Headers["x-ratelimit-remaining-requests"] = Number(quota.RemainingRequests ?? 0);
            response.Headers["x-ratelimit-reset-requests"] = reset;
        }
        if (quota.LimitTokens is { } limitTokens)
        {
            response.Headers["x-ratelimit-limit-tokens"] = Number(limitTokens);
            response.Headers["x-ratelimit-remaining-tokens"] = Number(quota.RemainingTokens ?? 0);
            response.Headers["x-ratelimit-reset-tokens"] = reset;
        }
    }

    public static void WriteRetryAfter(HttpResponse response, TimeSpan after) =>
        response.Headers.RetryAfter = Number(Math.Max(1, (long)Math.Ceiling(after.TotalSeconds)));

    public static string Duration(TimeSpan span) =>
        span < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMilliseconds)}ms")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###}s");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
