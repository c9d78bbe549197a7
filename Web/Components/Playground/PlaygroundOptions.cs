using Platform.Web.Api;

namespace Platform.Web.Components.Playground;

/// <summary>A model the playground offers, and the provider that serves it.</summary>
public sealed record ModelChoice(string Provider, string Model, string CircuitState)
{
    /// <summary>Models of configured providers (all providers if none is), each once: the first provider listing it serves it.</summary>
    public static List<ModelChoice> From(IEnumerable<ApiProvider> providers)
    {
        var all = providers.ToList();
        var usable = all.Any(p => p.Configured) ? all.Where(p => p.Configured) : all;
        return usable
            .SelectMany(p => p.Models.Select(m => new ModelChoice(p.Name, m, p.CircuitOf(m))))
            .DistinctBy(c => c.Model, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The first provider's default model, else the first model.</summary>
    public static string? Default(IEnumerable<ApiProvider> providers, IReadOnlyList<ModelChoice> choices)
    {
        var first = choices.FirstOrDefault();
        var preferred = providers.FirstOrDefault(p => p.Name == first?.Provider)?.DefaultModel;
        return choices.Any(c => c.Model == preferred) ? preferred : first?.Model;
    }
}

/// <summary>What the settings panel edits; read when a message is sent.</summary>
public sealed class PlaygroundOptions
{
    public string? Model { get; set; }
    public string? SystemPrompt { get; set; }
    public float? Temperature { get; set; }
    public int? MaxTokens { get; set; }
    public bool UseCache { get; set; } = true;
    public bool Stream { get; set; } = true;
}
