using Platform.Core.Gateway.Providers;
using Polly;
using Polly.CircuitBreaker;

namespace Platform.Core.Gateway.Routing;

/// <summary>
/// One model on one provider ("deployment", as LiteLLM calls it): its own resilience pipeline and circuit breaker,
/// so a failing model does not shut off its healthy siblings on the same provider.
/// </summary>
public sealed class Deployment(string provider, string model, ResiliencePipeline pipeline,
    CircuitBreakerStateProvider circuit, CircuitBreakerManualControl control)
{
    public const string Closed = "closed";
    public const string Open = "open";
    public const string HalfOpen = "half-open";

    private volatile ProviderException? _openedBy;

    public string Provider { get; } = provider;
    public string Model { get; } = model;
    public ResiliencePipeline Pipeline { get; } = pipeline;

    public string CircuitState => NameOf(circuit.CircuitState);

    /// <summary>A Polly circuit state as the Api reports it (an isolated circuit is open by hand).</summary>
    public static string NameOf(Polly.CircuitBreaker.CircuitState state) => state switch
    {
        Polly.CircuitBreaker.CircuitState.Open or Polly.CircuitBreaker.CircuitState.Isolated => Open,
        Polly.CircuitBreaker.CircuitState.HalfOpen => HalfOpen,
        _ => Closed,
    };

    /// <summary>The failure that last opened the circuit: a circuit opened by timeouts still answers as a timeout.</summary>
    public ProviderException? OpenedBy
    {
        get => _openedBy;
        internal set => _openedBy = value;
    }

    public Task ResetCircuitAsync() => control.CloseAsync();
}
