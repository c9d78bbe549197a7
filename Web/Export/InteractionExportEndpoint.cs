using Platform.Web.Api;
using Platform.Web.Auth;

namespace Platform.Web.Export;

/// <summary>
/// GET /export/interactions?format=csv|json&amp;…filters: the browser's download of the Api's export. The Web holds the
/// user's key server-side (in the auth cookie), so the browser cannot call the Api itself; this passes the Api's
/// streamed answer through as it arrives, never buffering it, with its file name and type.
/// </summary>
public static class InteractionExportEndpoint
{
    public const string Path = "/export/interactions";
    public static readonly string[] Formats = ["csv", "json"];

    public static IEndpointRouteBuilder MapInteractionExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task ExportAsync(HttpContext context, PlatformApiClient api, string? format)
    {
        var ct = context.RequestAborted;
        if (context.User.FindFirst(PlatformClaims.ApiKey)?.Value is not { } apiKey)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        HttpResponseMessage upstream;
        try
        {
            upstream = await api.OpenInteractionExportAsync(apiKey, InteractionQuery.Parse(context.Request.QueryString.Value), format ?? "csv", ct);
        }
        catch (PlatformApiException ex)
        {
            // The Api's 400 names the field; an unreachable Api is this gateway's 502.
            await Results.Problem(detail: ex.Message, statusCode: ex.StatusCode is { } status ? (int)status : StatusCodes.Status502BadGateway)
                .ExecuteAsync(context);
            return;
        }

        using (upstream)
        {
            context.Response.StatusCode = (int)upstream.StatusCode;
            context.Response.ContentType = upstream.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            if (upstream.Content.Headers.ContentDisposition is { } disposition)
            {
                context.Response.Headers.ContentDisposition = disposition.ToString();
            }
            await using var body = await upstream.Content.ReadAsStreamAsync(ct);
            await body.CopyToAsync(context.Response.Body, ct);
        }
    }
}
