using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;

namespace Platform.Core.Gateway.Routing;

/// <summary>One configured provider: its resilient client and its deployments (one circuit breaker per model).</summary>
public sealed class GatewayProvider(string name, ProviderOptions options, bool configured, IChatClient client, DeploymentSet deployments)
{
    public string Name { get; } = name;
    public ProviderOptions Options { get; } = options;
    public string Type => Options.Type.ToLowerInvariant();
    public bool Configured { get; } = configured;
    public IChatClient Client { get; } = client;
    public DeploymentSet Deployments { get; } = deployments;

    /// <summary>The worst circuit state among the provider's models.</summary>
    public string CircuitState => Deployments.CircuitState;

    public string? DefaultModel => Options.DefaultModel ?? Options.Models.FirstOrDefault();

    public IEnumerable<string> Models => ListedModels(Options);

    /// <summary>Resets every model's circuit on this provider.</summary>
    public Task ResetCircuitAsync() => Deployments.ResetAllAsync();

    public static IEnumerable<string> ListedModels(ProviderOptions options)
    {
        var defaultModel = options.DefaultModel ?? options.Models.FirstOrDefault();
        return defaultModel is { } model ? options.Models.Prepend(model).Distinct(StringComparer.OrdinalIgnoreCase) : options.Models;
    }
}
