using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Core.Gateway.Pipeline;
using Platform.Core.Gateway.Providers;
using Platform.Core.Gateway.Routing;
using Platform.Core.Interactions;

namespace Platform.Core.Gateway;

public static class GatewayExtensions
{
    /// <summary>The gateway and the interaction buffer + writer it records through.</summary>
    public static IHostApplicationBuilder AddLlmGateway(this IHostApplicationBuilder builder)
    {
        builder.AddInteractionRecording();
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section)
            .Validate(o => o.Cache.TtlSeconds > 0, "Llm:Cache:TtlSeconds must be positive.")
            .Validate(o => o.MaxRequestBytes > 0, "Llm:MaxRequestBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LlmOptions>, ProviderOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProviderClientFactory>();
        builder.Services.AddSingleton<ProviderRegistry>();
        builder.Services.AddSingleton<ModelRouter>();
        builder.Services.AddSingleton<RouterChatClient>();
        builder.Services.AddSingleton<PricingCatalog>();
        builder.Services.AddSingleton<CacheStats>();
        builder.Services.AddSingleton<ResponseCache>();
        builder.Services.AddSingleton<LlmGateway>();
        return builder;
    }

    public static IHostApplicationBuilder AddInteractionRecording(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InteractionBufferOptions>().BindConfiguration(InteractionBufferOptions.Section)
            .Validate(o => o.Capacity > 0 && o.BatchSize > 0 && o.EnqueueWaitMilliseconds >= 0,
                "Interactions:Buffer:Capacity and BatchSize must be positive.")
            .Validate(o => o.WritersValid, $"Interactions:Buffer:Writers must be between 0 (the default) and {Buffering.WriteBufferOptions.MaxWriters}.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<InteractionMetrics>();
        builder.Services.AddSingleton<InteractionSpill>();
        builder.Services.AddSingleton<InteractionBuffer>();
        builder.Services.AddSingleton<InteractionStore>();
        builder.Services.AddScoped<InteractionFeedbackStore>();
        builder.Services.AddHostedService<InteractionWriter>();
        return builder;
    }
}
