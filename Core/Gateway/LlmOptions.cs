using Platform.Core.Gateway.Providers;

namespace Platform.Core.Gateway;

/// <summary>The "Llm" configuration section: providers, default model, fallbacks, cache, limits.</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>Providers by name (Llm:Providers:&lt;name&gt;). An "offline" provider is always present.</summary>
    public Dictionary<string, ProviderOptions> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The model used when a request names none.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Per-model fallback chains (Llm:Fallbacks:&lt;model&gt;:0, :1 ...), tried in order when the model's provider fails.</summary>
    public Dictionary<string, List<string>> Fallbacks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public LlmCacheOptions Cache { get; set; } = new();

    public LlmResilienceOptions Resilience { get; set; } = new();

    /// <summary>Price overrides (USD per million tokens) by model id, over the built-in catalog.</summary>
    public Dictionary<string, ModelPrice> Pricing { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Largest accepted request body on the gateway endpoints; larger bodies get 413.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;
}

public sealed class LlmCacheOptions
{
    public int TtlSeconds { get; set; } = 3600;
}

public sealed class LlmResilienceOptions
{
    /// <summary>Retries after the first attempt, on transient errors only (408, 429, 5xx, timeouts, connection errors).</summary>
    public int MaxRetries { get; set; } = 2;

    public int BaseDelayMilliseconds { get; set; } = 500;

    public int MaxDelayMilliseconds { get; set; } = 10_000;

    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 5;

    public int BreakerSamplingSeconds { get; set; } = 30;

    public int BreakerBreakSeconds { get; set; } = 30;
}

/// <summary>USD per million tokens.</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal? CachedInputPerMillion, decimal OutputPerMillion)
{
    public ModelPrice() : this(0, null, 0)
    {
    }
}
