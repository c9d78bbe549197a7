using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Polly.CircuitBreaker;

namespace Platform.Core.Gateway.Routing;

/// <summary>One configured provider: its resilient client and the handles on its circuit breaker.</summary>
public sealed class GatewayProvider(
    string name, ProviderOptions options, bool configured, IChatClient client,
    CircuitBreakerStateProvider circuit, CircuitBreakerManualControl control)
{
    public string Name { get; } = name;
    public ProviderOptions Options { get; } = options;
    public string Type => Options.Type.ToLowerInvariant();
    public bool Configured { get; } = configured;
    public IChatClient Client { get; } = client;

    public string CircuitState => circuit.CircuitState switch
    {
        Polly.CircuitBreaker.CircuitState.Open or Polly.CircuitBreaker.CircuitState.Isolated => "open",
        Polly.CircuitBreaker.CircuitState.HalfOpen => "half-open",
        _ => "closed",
    };

    public string? DefaultModel => Options.DefaultModel ?? Options.Models.FirstOrDefault();

    public IEnumerable<string> Models => DefaultModel is { } model ? Options.Models.Prepend(model).Distinct(StringComparer.OrdinalIgnoreCase) : Options.Models;

    public Task ResetCircuitAsync() => control.CloseAsync();
}
