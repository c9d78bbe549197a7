using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Gateway.Pipeline;
using Platform.Core.Gateway.Providers;

namespace Platform.Core.Gateway.Routing;

/// <summary>
/// Every provider from Llm:Providers, each model of each with its own resilience pipeline; "offline" is always there.
/// Each provider's client is composed here, below the router, where its <see cref="ChatClientMetadata"/> is its own.
/// </summary>
public sealed class ProviderRegistry : IDisposable
{
    public const string OfflineName = "offline";
    private readonly ProviderClientFactory _factory;
    private readonly Dictionary<string, GatewayProvider> _providers = new(StringComparer.OrdinalIgnoreCase);

    public ProviderRegistry(IOptions<LlmOptions> options, ProviderClientFactory factory, ILoggerFactory loggers)
    {
        _factory = factory;
        var configured = new Dictionary<string, ProviderOptions>(options.Value.Providers, StringComparer.OrdinalIgnoreCase);
        configured.TryAdd(OfflineName, new ProviderOptions { Type = ProviderTypes.Offline, DefaultModel = "offline-1", Models = ["offline-1"] });
        foreach (var (name, provider) in configured)
        {
            var deployments = new DeploymentSet(name, GatewayProvider.ListedModels(provider), options.Value.Resilience, loggers.CreateLogger<ProviderRegistry>());
            var client = factory.Create(name, provider).AsBuilder()
                // Outside the retries: one line per call, an error only when the provider finally failed (each retry
                // already logs its warning).
                .UseLogging(loggers)
                .UseProviderResilience(deployments, TimeSpan.FromSeconds(provider.TimeoutSeconds), name)
                // Right above the provider's own client, so the span names its provider and server, one per attempt.
                .UseOpenTelemetry(sourceName: GatewaySpanChatClient.SourceName)
                .Build();
            _providers[name] = new GatewayProvider(name, provider, ProviderClientFactory.IsConfigured(provider), client, deployments);
        }
    }

    public IReadOnlyCollection<GatewayProvider> All => _providers.Values;

    public GatewayProvider? Find(string name) => _providers.GetValueOrDefault(name);

    /// <summary>The composed clients first (their telemetry meters and sources go with them), then the transports.</summary>
    public void Dispose()
    {
        foreach (var provider in _providers.Values)
        {
            provider.Client.Dispose();
        }
        _factory.Dispose();
    }
}
