using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.Web.Api;

namespace Platform.Web.Auth;

public static class PlatformClaims
{
    /// <summary>The user's API key. It lives only in the data-protected auth cookie and is sent to the Api as a bearer token.</summary>
    public const string ApiKey = "platform:api_key";
    public const string Scope = "platform:scope";
    public const string KeyPrefix = "platform:key_prefix";

    /// <summary>The Api authorizes admin calls by the key's scope, not the user's role, so the UI asks the same thing.</summary>
    public static bool IsAdmin(this ClaimsPrincipal user) => user.FindFirst(Scope)?.Value == "admin";

    public static ClaimsPrincipal CreatePrincipal(ApiUser user, string apiKey)
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Role, user.Role),
            new(Scope, user.Scope),
            new(KeyPrefix, user.KeyPrefix),
            new(ApiKey, apiKey),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
