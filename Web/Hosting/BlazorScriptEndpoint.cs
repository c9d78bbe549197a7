using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Platform.Web.Hosting;

/// <summary>
/// Serves Blazor's browser script, which BlazorScript.targets extracts at build into the output folder because the
/// package that normally provides it is not served here. Delete together with BlazorScript.targets.
/// </summary>
public static class BlazorScriptEndpoint
{
    public const string RequestPath = "/_framework/blazor.web.js";

    public static IEndpointRouteBuilder MapBlazorScript(this IEndpointRouteBuilder endpoints)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "_framework", "blazor.web.js");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{file} is missing: it is produced by Web/BlazorScript.targets when Platform.Web builds.");
        }

        var script = File.ReadAllBytes(file);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(script))[..16]}\"");
        var lastModified = File.GetLastWriteTimeUtc(file);

        endpoints.MapGet(RequestPath, (HttpContext context) =>
        {
            // The URL carries no fingerprint: browsers keep the script but revalidate it (a 304 via the ETag).
            context.Response.Headers.CacheControl = "no-cache";
            return TypedResults.File(script, "text/javascript", lastModified: lastModified, entityTag: etag);
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
