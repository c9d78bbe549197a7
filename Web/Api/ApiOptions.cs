using Microsoft.Extensions.Configuration;

namespace Platform.Web.Api;

/// <summary>Where the Api is: found by Aspire service discovery under the name "api".</summary>
public sealed class ApiOptions
{
    /// <summary>Service discovery picks the https endpoint when the Api has one, otherwise http.</summary>
    public static readonly Uri ServiceAddress = new("https+http://api/");

    public const string MissingMessage =
        "The Api's address is not configured: set 'services:api:http:0' (environment variable services__api__http__0) " +
        "to its absolute base URL, e.g. http://localhost:5080. The AppHost sets it for you.";

    /// <summary>The first configured endpoint, shown on the Status page; null when none is configured.</summary>
    public Uri? Endpoint { get; set; }

    public static Uri? FirstEndpoint(IConfiguration configuration)
    {
        var section = configuration.GetSection("services:api");
        foreach (var scheme in new[] { "https", "http" })
        {
            foreach (var entry in section.GetSection(scheme).GetChildren())
            {
                if (Uri.TryCreate(entry.Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    return uri;
                }
            }
        }

        return null;
    }
}
