using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Platform.Api.Gateway;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Turns body-binding failures (malformed JSON, unknown fields, wrong types, missing required fields) into a
/// 400 problem details that names the field, instead of the framework's bare 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new HttpValidationProblemDetails { Status = badRequest.StatusCode, Title = "The request is not valid." };
        if (badRequest.InnerException is JsonException json)
        {
            var requestType = httpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var (field, message) = JsonErrorDescriber.Describe(json, requestType);
            problem.Detail = $"{field}: {message}";
            problem.Errors[field] = [message];
        }
        else if (badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge && httpContext.Features.Get<RequestLimitMetadata>() is { } limit)
        {
            problem.Title = "Request body too large";
            problem.Detail = limit.Detail(null);
        }
        else if (badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            problem.Title = "Unsupported media type.";
            problem.Detail = "Send the body as JSON with 'Content-Type: application/json'.";
        }
        else if (badRequest.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            problem.Detail = "A JSON body is required.";
            problem.Errors["body"] = [problem.Detail];
        }
        else
        {
            problem.Detail = badRequest.Message;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
