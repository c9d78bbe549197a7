using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults;

public static class ProblemDetailsDefaults
{
    /// <summary>RFC 9457 answers everywhere; the framework adds the trace id, we add the path that failed.</summary>
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            if (ctx.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
            {
                ctx.ProblemDetails.Detail ??= "The request body is larger than this endpoint accepts.";
            }
        });
        // Registered after the framework's writer, so it only writes what that one declines.
        services.AddSingleton<IProblemDetailsWriter, JsonProblemDetailsWriter>();
        return services;
    }
}
