using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Platform.Core.Data;
using Platform.Core.Hosting;

namespace Platform.Api.Infrastructure;

/// <summary>
/// A database that cannot be reached is answered 503 with Retry-After as problem details, never 500: the request was
/// fine and can be sent again.
/// </summary>
internal sealed class DatabaseOutageExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseOutageExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;
    private readonly Throttle _warnings = new(TimeSpan.FromSeconds(30));

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsOutage(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        if (_warnings.TryEnter())
        {
            logger.LogWarning("Database unavailable, answering 503 ({Path}): {Message}", httpContext.Request.Path.Value, exception.Message);
        }
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Database unavailable",
            Detail = $"The database cannot be reached right now; try again in {RetryAfterSeconds} s.",
        };
        if (httpContext.Request.Path.StartsWithSegments("/v1"))
        {
            // The OpenAI SDKs read their own error member.
            problem.Extensions["error"] = new { message = problem.Detail, type = "api_error", param = (string?)null, code = (string?)null };
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}
