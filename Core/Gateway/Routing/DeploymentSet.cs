using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Platform.Core.Gateway.Pipeline;
using Polly.CircuitBreaker;

namespace Platform.Core.Gateway.Routing;

/// <summary>
/// A provider's deployments, one per model. Listed models get theirs at start; a model reached by a prefix rule gets
/// one on first use, up to <see cref="MaxUnlisted"/>: model names come from callers, so past that cap unlisted
/// models share one provider-wide circuit (named "*") instead of growing memory without bound.
/// </summary>
public sealed class DeploymentSet
{
    public const int MaxUnlisted = 64;
    public const string SharedModel = "*";

    private readonly ConcurrentDictionary<string, Deployment> _byModel = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _provider;
    private readonly LlmResilienceOptions _options;
    private readonly ILogger _logger;
    private int _unlisted;

    public DeploymentSet(string provider, IEnumerable<string> listedModels, LlmResilienceOptions options, ILogger logger)
    {
        _provider = provider;
        _options = options;
        _logger = logger;
        foreach (var model in listedModels)
        {
            _byModel.TryAdd(model, Create(model));
        }
    }

    /// <summary>Every deployment that exists so far, by model name.</summary>
    public IReadOnlyList<Deployment> All => _byModel.Values.OrderBy(d => d.Model, StringComparer.OrdinalIgnoreCase).ToList();

    public Deployment? Find(string model) => _byModel.GetValueOrDefault(model);

    public Deployment For(string model)
    {
        if (_byModel.TryGetValue(model, out var known))
        {
            return known;
        }
        if (Interlocked.Increment(ref _unlisted) > MaxUnlisted)
        {
            Interlocked.Decrement(ref _unlisted);
            return _byModel.GetOrAdd(SharedModel, Create);
        }
        var added = false;
        var deployment = _byModel.GetOrAdd(model, m => { added = true; return Create(m); });
        if (!added)
        {
            Interlocked.Decrement(ref _unlisted);
        }
        return deployment;
    }

    /// <summary>The provider's summary: the worst state among its models.</summary>
    public string CircuitState
    {
        get
        {
            var states = _byModel.Values.Select(d => d.CircuitState).ToList();
            return states.Contains(Deployment.Open) ? Deployment.Open
                : states.Contains(Deployment.HalfOpen) ? Deployment.HalfOpen
                : Deployment.Closed;
        }
    }

    public Task ResetAllAsync() => Task.WhenAll(_byModel.Values.Select(d => d.ResetCircuitAsync()));

    private Deployment Create(string model)
    {
        var state = new CircuitBreakerStateProvider();
        var control = new CircuitBreakerManualControl();
        Deployment? deployment = null;
        var pipeline = ProviderResilience.Build(_provider, model, _options, state, control, _logger,
            openedBy => deployment!.OpenedBy = openedBy);
        deployment = new Deployment(_provider, model, pipeline, state, control);
        return deployment;
    }
}
