namespace Platform.Api.RateLimits;

/// <summary>
/// A refusal as a 429 with Retry-After: problem details naming the limit, and under /v1 OpenAI's own error member
/// (type "requests" or "tokens" with code "rate_limit_exceeded"; a spent budget is "insufficient_quota").
/// </summary>
internal static class RateLimitProblems
{
    public static IResult Result(RateLimitRejection rejection, HttpContext http)
    {
        RateLimitHeaders.WriteRetryAfter(http.Response, rejection.RetryAfter);
        var budget = rejection.Kind == "budget";
        var extensions = new Dictionary<string, object?>
        {
            ["limit"] = rejection.Limit,
            ["retryAfterSeconds"] = Math.Max(1, (long)Math.Ceiling(rejection.RetryAfter.TotalSeconds)),
        };
        if (http.Request.Path.StartsWithSegments("/v1"))
        {
            var code = budget ? "insufficient_quota" : "rate_limit_exceeded";
            extensions["error"] = new { message = rejection.Detail, type = budget ? "insufficient_quota" : rejection.Kind, param = (string?)null, code };
        }
        return TypedResults.Problem(rejection.Detail, statusCode: StatusCodes.Status429TooManyRequests,
            title: budget ? "Budget exhausted" : "Rate limit exceeded", extensions: extensions);
    }
}
