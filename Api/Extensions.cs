using Microsoft.AspNetCore.Http.Json;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Api.Events;
using Platform.Core.Alerts;
using Platform.Core.Events;
using Platform.Core.Analytics;
using Platform.Core.Caching;
using Platform.Core.Contracts;
using Platform.Core.Data;
using Platform.Core.Gateway;
using Platform.Core.Jobs;
using Platform.Api.Gateway;
using Platform.Api.Gateway.OpenAI;
using Platform.Api.RateLimits;
using Platform.Core.RateLimits;

namespace Platform.Api;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformStorage();
        builder.AddPlatformCache();
        builder.AddLlmGateway();
        builder.AddJobSystem();
        builder.AddRateLimits();
        builder.AddAlerts();
        builder.AddProductEvents();
        builder.Services.AddEventsCors();
        builder.AddUserAnalytics();
        builder.AddUiContracts();
        builder.Services.AddSingleton<UsageGate>();
        builder.Services.AddSingleton<UsageReport>();
        builder.Services.AddApiKeyAuthentication();
        builder.Services.Configure<JsonOptions>(options => JsonDefaults.Apply(options.SerializerOptions));
        // Binding failures become exceptions so BadRequestExceptionHandler can name the offending field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var defaults = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                defaults?.Invoke(context);
                OpenAIErrors.Decorate(context);
            };
        });
        builder.Services.AddExceptionHandler<DatabaseOutageExceptionHandler>();
        builder.Services.AddPlatformOpenApi();
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await DatabaseMigrator.MigrateAsync(app.Services);
        await AdminBootstrap.EnsureAsync(app.Services);
        await Demo.DemoKeys.EnsureAsync(app.Services);
    }

    public static WebApplication UsePlatformMiddleware(this WebApplication app)
    {
        app.UseRequestTiming();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Before authentication: a browser's preflight carries no key.
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestLimits();
        app.UseRequestTextGuard();
        return app;
    }
}
