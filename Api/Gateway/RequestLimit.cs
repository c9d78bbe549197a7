using Microsoft.AspNetCore.Mvc;

namespace Platform.Api.Gateway;

/// <summary>A body limit on an endpoint, with the setting that controls it named in the 413 answer.</summary>
internal sealed record RequestLimitMetadata(long MaxBytes, string Setting);

internal static class RequestLimit
{
    /// <summary>
    /// Bodies over the limit get 413: from Content-Length before anything is read (with a problem that names the
    /// setting), and from Kestrel's own limit for chunked bodies whose size shows only while reading.
    /// </summary>
    public static RouteHandlerBuilder WithRequestLimit(this RouteHandlerBuilder builder, long maxBytes, string setting) =>
        builder.WithMetadata(new RequestSizeLimitAttribute(maxBytes), new RequestLimitMetadata(maxBytes, setting));

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<RequestLimitMetadata>() is { } limit && context.Request.ContentLength > limit.MaxBytes)
            {
                await TypedResults.Problem(
                    $"The request body is {context.Request.ContentLength} bytes; the limit is {limit.MaxBytes} bytes ({limit.Setting}).",
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
}
