using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using Platform.Core.Data;

namespace Platform.Api.Infrastructure;

/// <summary>
/// One check at the edge for every endpoint, so no handler has to remember it: text the databases cannot store
/// (NUL, unpaired surrogates, invalid UTF-8) in a query value or anywhere in a JSON body is a 400 naming the field
/// (a JSON path such as <c>messages[0].content</c>), and a JSON body in another charset than UTF-8 is a 415.
/// Runs after authorization, so anonymous callers cannot make the Api read bodies.
/// </summary>
internal static class RequestTextGuard
{
    public static IApplicationBuilder UseRequestTextGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (QueryProblem(context.Request.Query) is { } field)
            {
                await Reject(context, field, JsonTextScanner.Message);
                return;
            }
            if (AcceptsJson(context) && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType) && IsJson(mediaType))
            {
                if (mediaType.Charset.HasValue)
                {
                    if (!IsUtf8(mediaType.Charset.Value!))
                    {
                        await UnsupportedCharset(context, mediaType.Charset.Value!);
                        return;
                    }
                    // 'charset="utf-8"' and 'charset=utf8' mean UTF-8 too, but the body reader only knows the plain name.
                    context.Request.ContentType = mediaType.MediaType.Value + "; charset=utf-8";
                }
                if (await BodyProblemAsync(context) is { } path)
                {
                    await Reject(context, path, JsonTextScanner.Message);
                    return;
                }
            }
            await next(context);
        });

    private static string? QueryProblem(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (!StorableText.IsStorable(name))
            {
                return "query";
            }
            foreach (var value in values)
            {
                if (value is not null && !StorableText.IsStorable(value))
                {
                    return name;
                }
            }
        }
        return null;
    }

    /// <summary>Reads the body once (bounded by the endpoint's size limit) and hands the binder a copy to read again.</summary>
    private static async Task<string?> BodyProblemAsync(HttpContext context)
    {
        // The server knows (Content-Length, chunked, an HTTP/2 data frame); a host that does not say is read, which is cheap when empty.
        if (context.Request.ContentLength == 0 || context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return null;
        }
        var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body = new MemoryStream(buffer.GetBuffer(), 0, (int)buffer.Length, writable: false);
        return JsonTextScanner.FindUnstorable(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static bool AcceptsJson(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
        && accepts.ContentTypes.Any(type => type.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsUtf8(string charset) =>
        charset.Trim('"') is var name && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    private static Task Reject(HttpContext context, string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}",
            title: "The request is not valid.").ExecuteAsync(context);

    private static Task UnsupportedCharset(HttpContext context, string charset) =>
        Results.Problem($"The body's charset '{charset}' is not supported: send JSON as UTF-8 ('Content-Type: application/json').",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = ["must be JSON in UTF-8."] } })
            .ExecuteAsync(context);
}
