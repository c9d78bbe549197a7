using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Api.Auth;

public static class AuthExtensions
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ApiKeyCacheOptions>().BindConfiguration(ApiKeyCacheOptions.Section)
            .Validate(o => o.CacheSeconds > 0, "Platform:Auth:CacheSeconds must be positive.")
            .Validate(o => o.StaleSeconds >= o.CacheSeconds, "Platform:Auth:StaleSeconds must be at least Platform:Auth:CacheSeconds.")
            .ValidateOnStart();
        services.AddSingleton<ApiKeyRevocations>();
        services.AddSingleton<ApiKeyStore>();
        services.AddHostedService<ApiKeyRevocationListener>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        var admin = ScopePolicy("admin");
        var member = ScopePolicy("admin", "member");
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, admin)
            .AddPolicy(Policies.Member, member)
            .AddPolicy(Policies.Ingest, ScopePolicy("admin", "member", "ingest"))
            // An endpoint that names no policy needs a member key: ingest keys live in browsers and stay narrow.
            .SetFallbackPolicy(member);
        return services;
    }

    private static AuthorizationPolicy ScopePolicy(params string[] scopes) =>
        new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Scope, scopes)
            .Build();
}
