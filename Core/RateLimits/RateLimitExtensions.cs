using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Core.Caching;

namespace Platform.Core.RateLimits;

public static class RateLimitExtensions
{
    /// <summary>Per-minute counters on Redis when ConnectionStrings:cache is set (call after AddPlatformCache), else in process.</summary>
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SpendLedger>();
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(CacheExtensions.ConnectionStringName)))
        {
            builder.Services.AddSingleton<IUsageCounters, MemoryUsageCounters>();
        }
        else
        {
            builder.Services.AddSingleton<IUsageCounters, RedisUsageCounters>();
        }
        return builder;
    }
}

/// <summary>Fails start-up with a message naming the bad setting.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
