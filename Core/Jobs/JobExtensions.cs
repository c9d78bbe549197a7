using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Core.Jobs.Llm;
using Platform.Core.Limits;
using Platform.Core.Jobs.Processing;

namespace Platform.Core.Jobs;

public static class JobExtensions
{
    /// <summary>The job store and LLM job service (Api and Worker) and the processing parts a Worker hosts.</summary>
    public static IHostApplicationBuilder AddJobSystem(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPlatformLimits();
        builder.Services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JobOptions>, JobOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<JobStore>();
        builder.Services.AddScoped<OutputStore>();
        builder.Services.AddScoped<LlmJobService>();
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.AddSingleton<IJobHandler, LlmJobHandler>();
        builder.Services.AddSingleton<JobProcessor>();
        builder.Services.AddSingleton<JobNotificationListener>();
        return builder;
    }
}

/// <summary>Fails start-up with a message naming the bad setting.</summary>
internal sealed class JobOptionsValidator : IValidateOptions<JobOptions>
{
    public ValidateOptionsResult Validate(string? name, JobOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
