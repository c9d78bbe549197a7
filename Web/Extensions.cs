using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Resilience;
using Platform.Web.Api;
using Platform.Web.Auth;
using Radzen;

namespace Platform.Web;

public static class Extensions
{
    public const string DataDirKey = "Platform:DataDir";
    private static readonly TimeSpan ChatTimeout = TimeSpan.FromMinutes(5);

    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        // Serves wwwroot and Radzen's _content/ from the build output in every environment, not only Development
        // (the AppHost may start the built dll as Production); a no-op for published output, which carries the files.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();

        builder.AddApiClient();
        builder.AddCookieSignIn();
        return builder;
    }

    private static void AddApiClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>()
            .Configure<IConfiguration>((options, config) => options.BaseAddress = ApiOptions.Parse(config[ApiOptions.ConfigKey]))
            .Validate(options => options.BaseAddress is not null, ApiOptions.MissingMessage)
            .ValidateOnStart();

        builder.Services.AddHttpClient<PlatformApiClient>((services, http) =>
            http.BaseAddress = services.GetRequiredService<IOptions<ApiOptions>>().Value.BaseAddress);

        // A model may think for minutes before its first byte (and a non-streamed answer arrives whole), so chat calls
        // swap the shared 10 s attempt timeout for a long one. POSTs are never retried, so nothing else changes.
        builder.Services.AddHttpClient(PlatformApiClient.ChatClientName, (services, http) =>
            {
                http.BaseAddress = services.GetRequiredService<IOptions<ApiOptions>>().Value.BaseAddress;
                http.Timeout = ChatTimeout;
            })
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            .AddPlatformResilience(options => (options.TotalTimeout, options.AttemptTimeout) = (ChatTimeout, ChatTimeout));
    }

    private static void AddCookieSignIn(this IHostApplicationBuilder builder)
    {
        // Persisted keys keep the (encrypted) sign-in cookie readable across restarts and deployments.
        var dataDir = builder.Configuration[DataDirKey] is { Length: > 0 } configured ? configured : ".data";
        builder.Services.AddDataProtection()
            .SetApplicationName("Platform.Web")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(dataDir), "web-keys")));

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "platform.web.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = AccountEndpoints.SignInPath;
                options.LogoutPath = AccountEndpoints.SignOutPath;
                options.AccessDeniedPath = AccountEndpoints.SignInPath;
                options.ReturnUrlParameter = AccountEndpoints.ReturnUrlParameter;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<ApiKeySignIn>();
    }
}
