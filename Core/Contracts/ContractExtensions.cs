using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Core.Analytics;
using Platform.Core.Jobs.Processing;

namespace Platform.Core.Contracts;

public static class ContractExtensions
{
    /// <summary>
    /// Contract generation (sync and the contract.generate job handler) with its per-process breaker. Needs storage,
    /// cache, the gateway and the job system (AddPlatformStorage, AddPlatformCache, AddLlmGateway, AddJobSystem).
    /// </summary>
    public static IHostApplicationBuilder AddUiContracts(this IHostApplicationBuilder builder)
    {
        builder.AddUserAnalytics();
        builder.Services.AddOptions<ContractOptions>().BindConfiguration(ContractOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContractOptions>, ContractOptionsValidator>());
        builder.Services.TryAddSingleton<ContractBreaker>();
        builder.Services.TryAddSingleton<ContractModelCall>();
        builder.Services.TryAddScoped<ContractStore>();
        builder.Services.TryAddScoped<ContractGenerator>();
        builder.Services.TryAddScoped<ContractJobService>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobHandler, ContractJobHandler>());
        return builder;
    }

    private sealed class ContractOptionsValidator : IValidateOptions<ContractOptions>
    {
        public ValidateOptionsResult Validate(string? name, ContractOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
