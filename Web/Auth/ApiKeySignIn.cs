using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.Web.Api;

namespace Platform.Web.Auth;

/// <summary>Signs a user in by API key: the Api vouches for the key (GET /api/me), Web keeps it in its cookie.</summary>
public sealed class ApiKeySignIn(PlatformApiClient api, ILogger<ApiKeySignIn> logger)
{
    /// <returns>null when signed in, otherwise a message for the user.</returns>
    public async Task<string?> SignInAsync(HttpContext context, string? apiKey)
    {
        apiKey = apiKey?.Trim();
        if (string.IsNullOrEmpty(apiKey))
        {
            return "Enter an API key.";
        }

        ApiUser user;
        try
        {
            user = await api.GetMeAsync(apiKey, context.RequestAborted);
        }
        catch (PlatformApiException ex)
        {
            logger.LogWarning("Sign-in failed: {Reason}", ex.Message);
            return ex.IsUnauthorized ? $"The API key was rejected: {ex.Message}" : ex.Message;
        }

        await context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            PlatformClaims.CreatePrincipal(user, apiKey),
            new AuthenticationProperties { IsPersistent = true });
        logger.LogInformation("{User} signed in with key {KeyPrefix}", user.Name, user.KeyPrefix);
        return null;
    }

    /// <summary>Only paths on this site, so a crafted sign-in link cannot bounce the user elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";
}
