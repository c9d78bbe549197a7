using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Core.Users;

namespace Platform.Api.Auth;

/// <summary>Accepts "Authorization: Bearer &lt;key&gt;" or "X-Api-Key: &lt;key&gt;"; answers 401/403 as problem details.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore store,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string FailureItem = "platform.auth.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ReadSecret(Request);
        var fromQuery = secret is null && (secret = ReadQuerySecret(Context)) is not null;
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }
        var identity = await store.FindAsync(secret, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }
        if (fromQuery && identity.Scope != ApiKeyScope.Ingest)
        {
            // A member or admin key in a URL would be written to logs and history: refused, so nobody gets used to it.
            Context.Items[FailureItem] = "Only an ingest key may be sent in the query string; send other keys in a header.";
            return AuthenticateResult.Fail((string)Context.Items[FailureItem]!);
        }

        var scope = ApiKeyScopes.Effective(identity.Scope, identity.Role);
        Claim[] claims =
        [
            new(PlatformClaims.UserId, identity.UserId.ToString()),
            new(ClaimTypes.Name, identity.UserName),
            new(ClaimTypes.Email, identity.Email),
            new(ClaimTypes.Role, identity.Role.ToString().ToLowerInvariant()),
            new(PlatformClaims.Scope, scope.ToString().ToLowerInvariant()),
            new(PlatformClaims.KeyId, identity.KeyId.ToString()),
            new(PlatformClaims.KeyPrefix, identity.KeyPrefix),
        ];
        Context.Features.Set(identity);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = (ReadSecret(Request) ?? ReadQuerySecret(Context)) is null
            ? $"An API key is required: send 'Authorization: Bearer <key>' or '{HeaderName}: <key>'."
            : Context.Items[FailureItem] as string ?? "The API key is not valid.";
        return WriteProblemAsync("Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scope = Context.User.FindFirstValue(PlatformClaims.Scope) ?? "none";
        return WriteProblemAsync("Forbidden", $"A key with scope '{scope}' may not do this.");
    }

    private async Task WriteProblemAsync(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        });

    /// <summary>"?key=" on the endpoints that allow it (sendBeacon cannot send headers).</summary>
    private static string? ReadQuerySecret(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<QueryKeyMetadata>() is not null
        && context.Request.Query[QueryKeyMetadata.Parameter] is [{ Length: > 0 } key]
            ? key.Trim()
            : null;

    private static string? ReadSecret(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ Length: > 0 } key])
        {
            return key.Trim();
        }
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > bearer.Length
            ? authorization[bearer.Length..].Trim()
            : null;
    }
}
