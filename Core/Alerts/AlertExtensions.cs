using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Core.Alerts;

public static class AlertExtensions
{
    /// <summary>Rules (configured and stored) and their validation; what the Api needs.</summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAlertServices();
        return builder;
    }

    /// <summary>Rules plus the evaluation loop and its webhook; what the Worker runs.</summary>
    public static IHostApplicationBuilder AddAlertEvaluation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAlertServices();
        builder.Services.AddAlertEvaluator();
        if (builder.Configuration.GetValue($"{AlertOptions.Section}:Enabled", true))
        {
            builder.Services.AddHostedService<AlertEvaluationService>();
        }
        return builder;
    }

    public static IServiceCollection AddAlertServices(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AlertRuleCatalog>();
        return services;
    }

    public static IServiceCollection AddAlertEvaluator(this IServiceCollection services)
    {
        // The resilience defaults of ServiceDefaults apply to this client too; they never retry a POST, and the
        // evaluator retries a failed delivery at its next passes instead.
        services.AddHttpClient(AlertWebhook.ClientName).ConfigurePrimaryHttpMessageHandler(provider =>
        {
            // A redirect would be a second, unchecked destination; a webhook receiver has no reason to send one.
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false };
            if (!provider.GetRequiredService<IOptions<AlertOptions>>().Value.AllowPrivateNetworkWebhooks)
            {
                handler.ConnectCallback = WebhookAddressGuard.ConnectPublicOnlyAsync;
            }
            return handler;
        });
        services.TryAddSingleton<AlertWebhook>();
        services.TryAddSingleton<AlertEvaluator>();
        return services;
    }

    private sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
    {
        public ValidateOptionsResult Validate(string? name, AlertOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
