using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.Core.Limits;

namespace Platform.Api.Gateway;

/// <summary>A body limit on an endpoint, with the setting that controls it named in the 413 answer.</summary>
internal sealed record RequestLimitMetadata(long MaxBytes, string Setting)
{
    public string Detail(long? size) => size is { } bytes
        ? $"The request body is {bytes} bytes; the limit is {MaxBytes} bytes ({Setting})."
        : $"The request body is over the limit of {MaxBytes} bytes ({Setting}).";
}

internal static class RequestLimit
{
    public static RouteHandlerBuilder WithRequestLimit(this RouteHandlerBuilder builder, long maxBytes, string setting) =>
        builder.WithMetadata(new RequestSizeLimitAttribute(maxBytes), new RequestLimitMetadata(maxBytes, setting));

    /// <summary>
    /// Every endpoint has a body limit: its own, or Limits:MaxRequestBytes. Bodies over it get 413 from
    /// Content-Length before anything is read, and from the server's body size limit (set here per request) for
    /// chunked bodies whose size shows only while reading; both name the setting.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        var fallback = new RequestLimitMetadata(
            app.ApplicationServices.GetRequiredService<IOptions<LimitOptions>>().Value.MaxRequestBytes, $"{LimitOptions.Section}:MaxRequestBytes");
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not { } endpoint)
            {
                await next(context);
                return;
            }
            var limit = endpoint.Metadata.GetMetadata<RequestLimitMetadata>() ?? fallback;
            if (context.Request.ContentLength > limit.MaxBytes)
            {
                await TypedResults.Problem(limit.Detail(context.Request.ContentLength),
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large").ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit.MaxBytes;
            }
            context.Features.Set(limit);
            await next(context);
        });
    }
}
