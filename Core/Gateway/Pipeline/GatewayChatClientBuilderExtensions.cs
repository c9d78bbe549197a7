using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Core.Gateway.Routing;
using Platform.Core.Interactions;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>The platform's own layers as <see cref="ChatClientBuilder"/> steps; the first Use is the outermost layer.</summary>
public static class GatewayChatClientBuilderExtensions
{
    /// <summary>A span per gateway call carrying the platform's own attributes (see <see cref="GatewaySpanChatClient"/>).</summary>
    public static ChatClientBuilder UseGatewaySpan(this ChatClientBuilder builder) =>
        builder.Use(inner => new GatewaySpanChatClient(inner));

    /// <summary>Prices each call and records it as an interaction (see <see cref="RecordingChatClient"/>).</summary>
    public static ChatClientBuilder UseInteractionRecording(
        this ChatClientBuilder builder, InteractionBuffer buffer, PricingCatalog pricing, TimeProvider clock) =>
        builder.Use(inner => new RecordingChatClient(inner, buffer, pricing, clock));

    /// <summary>The response cache (see <see cref="ResponseCachingChatClient"/>).</summary>
    public static ChatClientBuilder UseResponseCache(this ChatClientBuilder builder, ResponseCache storage, CacheStats stats) =>
        builder.Use(inner => new ResponseCachingChatClient(inner, storage, stats));

    /// <summary>Timeouts, retries and the circuit breaker of the model asked for (see <see cref="ResilientChatClient"/>).</summary>
    public static ChatClientBuilder UseProviderResilience(this ChatClientBuilder builder, DeploymentSet deployments, TimeSpan attemptTimeout, string provider) =>
        builder.Use(inner => new ResilientChatClient(inner, deployments, attemptTimeout, provider));

    /// <summary>Every failure of an SDK's client as a <see cref="ProviderException"/> (see <see cref="ProviderErrorMapping"/>).</summary>
    public static ChatClientBuilder UseProviderErrorMapping(this ChatClientBuilder builder, string provider, string? defaultModel = null) =>
        builder.Use(inner => new ProviderErrorMapping(inner, provider, defaultModel));
}
