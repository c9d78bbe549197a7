using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Platform.Core.Gateway;

/// <summary>
/// List prices in USD per million tokens (input, cached input, output), as published by OpenAI, Anthropic and
/// Google in 2025-2026; Llm:Pricing:&lt;model&gt; overrides or adds entries. A dated model id
/// ("gpt-4o-2024-08-06") is priced by its longest listed prefix. Unknown models cost null, never zero.
/// </summary>
public sealed class PricingCatalog(IOptions<LlmOptions> options)
{
    private static readonly Dictionary<string, ModelPrice> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-5"] = new(1.25m, 0.125m, 10m),
        ["gpt-5-mini"] = new(0.25m, 0.025m, 2m),
        ["gpt-5-nano"] = new(0.05m, 0.005m, 0.40m),
        ["gpt-4.1"] = new(2m, 0.50m, 8m),
        ["gpt-4.1-mini"] = new(0.40m, 0.10m, 1.60m),
        ["gpt-4.1-nano"] = new(0.10m, 0.025m, 0.40m),
        ["gpt-4o"] = new(2.50m, 1.25m, 10m),
        ["gpt-4o-mini"] = new(0.15m, 0.075m, 0.60m),
        ["o1"] = new(15m, 7.50m, 60m),
        ["o3"] = new(2m, 0.50m, 8m),
        ["o3-mini"] = new(1.10m, 0.55m, 4.40m),
        ["o4-mini"] = new(1.10m, 0.275m, 4.40m),
        ["claude-opus-4-5"] = new(5m, 0.50m, 25m),
        ["claude-opus-4-1"] = new(15m, 1.50m, 75m),
        ["claude-opus-4"] = new(15m, 1.50m, 75m),
        ["claude-sonnet-4-5"] = new(3m, 0.30m, 15m),
        ["claude-sonnet-4"] = new(3m, 0.30m, 15m),
        ["claude-3-7-sonnet"] = new(3m, 0.30m, 15m),
        ["claude-haiku-4-5"] = new(1m, 0.10m, 5m),
        ["claude-3-5-haiku"] = new(0.80m, 0.08m, 4m),
        ["gemini-2.5-pro"] = new(1.25m, 0.31m, 10m),
        ["gemini-2.5-flash"] = new(0.30m, 0.075m, 2.50m),
        ["gemini-2.5-flash-lite"] = new(0.10m, 0.025m, 0.40m),
        ["gemini-2.0-flash"] = new(0.10m, 0.025m, 0.40m),
        ["offline-1"] = new(0m, 0m, 0m),
    };

    private readonly Dictionary<string, ModelPrice> _prices = Merge(options.Value.Pricing);

    public IReadOnlyDictionary<string, ModelPrice> All => _prices;

    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return null;
        }
        if (_prices.TryGetValue(model, out var exact))
        {
            return exact;
        }
        return _prices
            .Where(p => model.StartsWith(p.Key + "-", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }

    /// <summary>USD for one call; null when the model or its usage is unknown.</summary>
    public double? Cost(string? model, UsageDetails? usage)
    {
        if (Find(model) is not { } price || usage?.InputTokenCount is null && usage?.OutputTokenCount is null)
        {
            return null;
        }
        var input = usage.InputTokenCount ?? 0;
        var cached = Math.Min(usage.CachedInputTokenCount ?? 0, input);
        var dollars = ((input - cached) * price.InputPerMillion
            + cached * (price.CachedInputPerMillion ?? price.InputPerMillion)
            + (usage.OutputTokenCount ?? 0) * price.OutputPerMillion) / 1_000_000m;
        return (double)dollars;
    }

    private static Dictionary<string, ModelPrice> Merge(Dictionary<string, ModelPrice> overrides)
    {
        var merged = new Dictionary<string, ModelPrice>(BuiltIn, StringComparer.OrdinalIgnoreCase);
        foreach (var (model, price) in overrides)
        {
            merged[model] = price;
        }
        return merged;
    }
}
