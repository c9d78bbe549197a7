using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Platform.Web.Api;
using Platform.Web.Auth;
using Radzen;

namespace Platform.Web;

public static class Extensions
{
    public const string DataDirKey = "Platform:DataDir";
    private static readonly TimeSpan ChatTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromMinutes(30);

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
            .Configure<IConfiguration>((options, config) => options.Endpoint = ApiOptions.FirstEndpoint(config))
            .Validate(options => options.Endpoint is not null, ApiOptions.MissingMessage)
            .ValidateOnStart();

        builder.Services.AddHttpClient<PlatformApiClient>(http => http.BaseAddress = ApiOptions.ServiceAddress);

        // A model may think for minutes before its first byte (and a non-streamed answer arrives whole), so chat calls
        // get their own standard handler with long timeouts. POSTs are never retried, so nothing else changes.
        builder.AddLongRunningApiClient(PlatformApiClient.ChatClientName, ChatTimeout);
        // An export streams every matching record; the timeouts bound a stuck export, not a large one.
        builder.AddLongRunningApiClient(PlatformApiClient.ExportClientName, ExportTimeout);
    }

    private static void AddLongRunningApiClient(this IHostApplicationBuilder builder, string name, TimeSpan timeout)
    {
        var client = builder.Services.AddHttpClient(name, http =>
            {
                http.BaseAddress = ApiOptions.ServiceAddress;
                http.Timeout = timeout;
            })
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear());
        client.AddStandardResilienceHandler(options =>
            {
                options.Retry.DisableForUnsafeHttpMethods();
                options.AttemptTimeout.Timeout = timeout;
                options.TotalRequestTimeout.Timeout = timeout;
                // The breaker must sample over at least two attempt timeouts.
                options.CircuitBreaker.SamplingDuration = 2 * timeout;
            });
        client.AddServiceDiscovery();
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
