using Platform.Api.Infrastructure;

namespace Platform.Api.Gateway.OpenAI;

/// <summary>
/// Problem details (RFC 9457) that also carry OpenAI's {"error": {message, type, code}} member, so both a
/// generic HTTP client and the official OpenAI SDKs read a meaningful message.
/// </summary>
internal static class OpenAIErrors
{
    public static IResult From(GatewayProblem problem, HttpContext http)
    {
        problem.ApplyHeaders(http.Response);
        return Problem(problem.Status, problem.Title, problem.Detail, Type(problem.Status), problem.Field);
    }

    public static IResult Invalid(Validation validation)
    {
        var (field, messages) = validation.Errors.First();
        var detail = $"{field}: {string.Join(" ", messages)}";
        return Results.Problem(detail, statusCode: 400, title: "The request is not valid.", extensions: new Dictionary<string, object?>
        {
            ["errors"] = validation.Errors,
            ["error"] = new { message = detail, type = "invalid_request_error", param = field, code = (string?)null },
        });
    }

    /// <summary>
    /// Every problem answered under /v1 (binding, size, auth and edge errors included) also carries the OpenAI error
    /// member; answers built here carry it already.
    /// </summary>
    public static void Decorate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!context.HttpContext.Request.Path.StartsWithSegments("/v1") || problem.Extensions.ContainsKey("error"))
        {
            return;
        }
        var field = problem is HttpValidationProblemDetails validation ? validation.Errors.Keys.FirstOrDefault() : null;
        if (field is null && problem.Extensions.TryGetValue("errors", out var errors) && errors is IDictionary<string, string[]> named)
        {
            field = named.Keys.FirstOrDefault();
        }
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions["error"] = new { message = problem.Detail ?? problem.Title, type = Type(status), param = field, code = (string?)null };
    }

    private static IResult Problem(int status, string title, string detail, string type, string? field) =>
        Results.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?>
        {
            ["error"] = new { message = detail, type, param = field, code = (string?)null },
        });

    private static string Type(int status) => status switch
    {
        400 or 404 or 405 or 413 or 415 => "invalid_request_error",
        401 => "authentication_error",
        429 => "rate_limit_error",
        _ => "api_error",
    };
}
