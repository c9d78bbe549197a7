using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Platform.Core.Data;

namespace Platform.Api.Infrastructure;

/// <summary>
/// A database that cannot be reached is answered 503 with Retry-After as problem details, never 500: the request was
/// fine and can be sent again. One warning per interval, since during an outage every request would log one.
/// </summary>
internal sealed class DatabaseOutageExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseOutageExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;
    private static readonly long WarningInterval = (long)TimeSpan.FromSeconds(30).TotalMilliseconds;
    private long _lastWarning = long.MinValue;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsOutage(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        Warn(exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = $"The database cannot be reached right now; try again in {RetryAfterSeconds} s.",
            },
        });
    }

    private void Warn(Exception exception, PathString path)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if (now - last < WarningInterval || Interlocked.CompareExchange(ref _lastWarning, now, last) != last)
        {
            return;
        }
        logger.LogWarning("Database unavailable, answering 503 ({Path}): {Message}", path.Value, exception.Message);
    }
}
