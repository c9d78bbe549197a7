using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults;

/// <summary>
/// The last problem-details writer: it writes JSON whatever the request's Accept header says. The framework's
/// writer declines a client that accepts only, say, application/xml, and an error nobody can write becomes an
/// empty 500 with a logged exception: a log flood anyone could trigger without a key. RFC 9457 JSON is what our
/// errors are; a client that cannot read it still gets the right status code.
/// </summary>
internal sealed class JsonProblemDetailsWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        context.ProblemDetails.Status ??= http.Response.StatusCode;
        // The result applies the defaults the framework's writer would (type and title for the status).
        var result = TypedResults.Problem(context.ProblemDetails);
        result.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(result.ProblemDetails, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails),
            options: null, contentType: "application/problem+json", http.RequestAborted));
    }
}
