using Microsoft.Extensions.Options;
using Platform.Core.Gateway.Providers;

namespace Platform.Core.Gateway.Routing;

/// <summary>A model on a provider: one step of a route.</summary>
public sealed record RouteStep(GatewayProvider Provider, string Model);

/// <summary>
/// Model name -> provider: a model listed in a provider's Models goes there; otherwise prefix rules
/// (gpt-/o-series -> openai, claude- -> anthropic, gemini- -> gemini, offline- -> offline); then
/// Llm:Fallbacks:&lt;model&gt; appends the fallback chain.
/// </summary>
public sealed class ModelRouter(ProviderRegistry registry, IOptions<LlmOptions> options)
{
    private static readonly (string Prefix, string Type)[] PrefixRules =
    [
        ("gpt-", ProviderTypes.OpenAI), ("chatgpt-", ProviderTypes.OpenAI), ("o1", ProviderTypes.OpenAI),
        ("o3", ProviderTypes.OpenAI), ("o4", ProviderTypes.OpenAI), ("claude-", ProviderTypes.Anthropic),
        ("gemini-", ProviderTypes.Gemini), ("offline", ProviderTypes.Offline),
    ];

    /// <summary>Llm:DefaultModel, else the default model of the first configured real provider, else offline-1.</summary>
    public string DefaultModel =>
        options.Value.DefaultModel
        ?? registry.All.Where(p => p.Configured && p.Type != ProviderTypes.Offline).Select(p => p.DefaultModel).FirstOrDefault(m => m is not null)
        ?? "offline-1";

    public IReadOnlyList<RouteStep> Route(string? model, string? providerName)
    {
        var primary = Resolve(model, providerName);
        var steps = new List<RouteStep> { primary };
        if (options.Value.Fallbacks.TryGetValue(primary.Model, out var fallbacks))
        {
            foreach (var fallback in fallbacks)
            {
                if (TryResolve(fallback, out var step) && step.Provider.Configured && !steps.Contains(step))
                {
                    steps.Add(step);
                }
            }
        }
        return steps;
    }

    public IEnumerable<string> AvailableModels =>
        registry.All.Where(p => p.Configured).SelectMany(p => p.Models).Distinct(StringComparer.OrdinalIgnoreCase).Order();

    private RouteStep Resolve(string? model, string? providerName)
    {
        if (providerName is not null)
        {
            var provider = registry.Find(providerName) ?? throw new GatewayException(400, "Unknown provider",
                $"Unknown provider '{providerName}'. Available providers: {string.Join(", ", registry.All.Select(p => p.Name).Order())}.", "provider");
            var chosen = model ?? provider.DefaultModel ?? throw new GatewayException(400, "No model",
                $"Provider '{provider.Name}' has no DefaultModel; name a model.", "model");
            return Configured(new RouteStep(provider, chosen));
        }

        var name = model ?? DefaultModel;
        if (!TryResolve(name, out var step))
        {
            if (PrefixRules.FirstOrDefault(rule => name.StartsWith(rule.Prefix, StringComparison.OrdinalIgnoreCase)) is { Type: { } type })
            {
                throw new GatewayException(400, "Provider not configured",
                    $"Model '{name}' needs a provider of type '{type}' and none is configured " +
                    $"(set Llm:Providers:{type}:Type={type} and Llm:Providers:{type}:ApiKey). Available models: {string.Join(", ", AvailableModels)}.", "model");
            }
            throw new GatewayException(400, "Unknown model",
                $"Unknown model '{name}'. Available models: {string.Join(", ", AvailableModels)}.", "model");
        }
        return Configured(step);
    }

    private RouteStep Configured(RouteStep step) => step.Provider.Configured
        ? step
        : throw new GatewayException(400, "Provider not configured",
            $"Model '{step.Model}' belongs to provider '{step.Provider.Name}', which is not configured " +
            $"(set Llm:Providers:{step.Provider.Name}:ApiKey). Available models: {string.Join(", ", AvailableModels)}.", "model");

    private bool TryResolve(string model, out RouteStep step)
    {
        var listed = registry.All.FirstOrDefault(p => p.Models.Contains(model, StringComparer.OrdinalIgnoreCase));
        var provider = listed ?? PrefixRules
            .Where(rule => model.StartsWith(rule.Prefix, StringComparison.OrdinalIgnoreCase))
            .Select(rule => registry.All.OrderByDescending(p => p.Configured).FirstOrDefault(p => p.Type == rule.Type))
            .FirstOrDefault(p => p is not null);
        step = provider is null ? null! : new RouteStep(provider, model);
        return provider is not null;
    }
}
