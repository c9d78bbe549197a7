using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Core.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>
    /// The analytics engine behind <see cref="IUserAnalytics"/> and the overview, with its options validated at start.
    /// Needs the platform's storage and cache (AddPlatformStorage, AddPlatformCache).
    /// </summary>
    public static IHostApplicationBuilder AddUserAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<AnalyticsCache>();
        builder.Services.TryAddSingleton<AnalyticsSnapshots>();
        // Fed by the events writer when the process hosts one (the Api); elsewhere its passes find nothing to do.
        builder.Services.TryAddSingleton<SnapshotWarmTally>();
        builder.Services.AddHostedService<SnapshotWarmer>();
        builder.Services.TryAddScoped<IUserAnalytics, UserAnalyticsService>();
        builder.Services.TryAddScoped<AnalyticsOverviewService>();
        return builder;
    }

    private sealed class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>
    {
        public ValidateOptionsResult Validate(string? name, AnalyticsOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
