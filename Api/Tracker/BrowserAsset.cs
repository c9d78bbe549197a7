using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Platform.Api.Tracker;

/// <summary>
/// A file compiled into the Api (tracker.js, the demo page) and served from memory: a strong ETag from its bytes so a
/// browser revalidates with a 304, and a short max-age so a new version reaches every page within minutes.
/// </summary>
internal sealed class BrowserAsset
{
    public const int MaxAgeSeconds = 300;

    private readonly EntityTagHeaderValue _etag;

    private BrowserAsset(byte[] body, string contentType)
    {
        Body = body;
        ContentType = contentType;
        _etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    /// <summary>Reads an embedded resource by its logical name; <paramref name="transform"/> shapes its text once.</summary>
    public static BrowserAsset Load(string name, string contentType, Func<string, string>? transform = null)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Api was built without its embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return new BrowserAsset(System.Text.Encoding.UTF8.GetBytes(transform is null ? text : transform(text)), contentType);
    }

    /// <summary>The file, or 304 when If-None-Match names it (the result type checks the precondition).</summary>
    public IResult Serve(HttpContext http, string? contentSecurityPolicy = null)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        headers.XContentTypeOptions = "nosniff";
        if (contentSecurityPolicy is not null)
        {
            headers.ContentSecurityPolicy = contentSecurityPolicy;
        }
        return TypedResults.Bytes(Body, ContentType, entityTag: _etag);
    }
}
