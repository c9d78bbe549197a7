using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Api.Infrastructure;

internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(title: "Not found", detail: $"{what} '{id}' was not found.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
