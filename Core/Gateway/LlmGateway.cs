using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Pipeline;
using Platform.Core.Gateway.Routing;
using Platform.Core.Interactions;

namespace Platform.Core.Gateway;

/// <summary>
/// The one entry to every LLM call (sync, streaming, jobs): gateway span -> interaction recording -> response cache
/// -> router with fallbacks -> per provider: logging, resilience, GenAI telemetry, the provider's client
/// (built by <see cref="ProviderRegistry"/>).
/// </summary>
public sealed class LlmGateway(
    ModelRouter router, ProviderRegistry providers, RouterChatClient routerClient,
    ResponseCache cache, CacheStats cacheStats, InteractionBuffer buffer, PricingCatalog pricing, TimeProvider clock)
{
    public IChatClient Client { get; } = routerClient.AsBuilder()
        .UseGatewaySpan()
        .UseInteractionRecording(buffer, pricing, clock)
        .UseResponseCache(cache, cacheStats)
        .Build();

    public ModelRouter Router => router;
    public ProviderRegistry Providers => providers;
    public CacheStats CacheStats => cacheStats;
    public ResponseCache Cache => cache;
    public PricingCatalog Pricing => pricing;

    /// <summary>
    /// Options for one call, with the default model filled in so every layer sees the same model. Throws
    /// <see cref="GatewayException"/> for an unknown model or provider before anything is recorded or charged.
    /// </summary>
    public ChatOptions Prepare(ChatOptions options, GatewayContext context)
    {
        if (context.ProviderHint is null)
        {
            options.ModelId ??= router.DefaultModel;
        }
        router.Route(options.ModelId, context.ProviderHint);
        context.ModelRequested ??= options.ModelId;
        return context.AttachTo(options);
    }
}
