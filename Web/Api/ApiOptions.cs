namespace Platform.Web.Api;

public sealed class ApiOptions
{
    /// <summary>Aspire's service-discovery naming: the AppHost sets services__api__http__0.</summary>
    public const string ConfigKey = "services:api:http:0";

    public const string MissingMessage =
        $"Configuration '{ConfigKey}' (environment variable services__api__http__0) must be the Api's absolute http(s) base URL, e.g. http://localhost:5080.";

    public Uri? BaseAddress { get; set; }

    public static Uri? Parse(string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        // Without a trailing slash a base path would be dropped when relative paths such as "api/me" are resolved.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
