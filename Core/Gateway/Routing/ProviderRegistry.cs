using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Gateway.Pipeline;
using Platform.Core.Gateway.Providers;

namespace Platform.Core.Gateway.Routing;

/// <summary>Every provider from Llm:Providers, each model of each with its own resilience pipeline; "offline" is always there.</summary>
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
            var client = new ResilientChatClient(factory.Create(name, provider), deployments, TimeSpan.FromSeconds(provider.TimeoutSeconds), name);
            _providers[name] = new GatewayProvider(name, provider, ProviderClientFactory.IsConfigured(provider), client, deployments);
        }
    }

    public IReadOnlyCollection<GatewayProvider> All => _providers.Values;

    public GatewayProvider? Find(string name) => _providers.GetValueOrDefault(name);

    public void Dispose() => _factory.Dispose();
}
