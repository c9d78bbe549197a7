namespace Platform.Core.Gateway.Providers;

/// <summary>One entry of Llm:Providers:&lt;name&gt;.</summary>
public sealed class ProviderOptions
{
    /// <summary>openai | openai-compatible | anthropic | gemini | offline (see <see cref="ProviderTypes"/>).</summary>
    public string Type { get; set; } = "";

    public string? ApiKey { get; set; }

    /// <summary>Base URL of the provider's API; each type has a default (openai-compatible has none).</summary>
    public string? BaseUrl { get; set; }

    public string? DefaultModel { get; set; }

    /// <summary>Models routed to this provider by exact name, before any prefix rule.</summary>
    public List<string> Models { get; set; } = [];

    /// <summary>Per-attempt timeout.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Added to the per-attempt timeout so the gateway's own timeout fires first.</summary>
    internal static readonly TimeSpan TimeoutMargin = TimeSpan.FromSeconds(10);

    /// <summary>The SDK's own timeout: only a backstop, since the gateway's resilience layer times attempts out.</summary>
    internal TimeSpan TransportTimeout => TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds)) + TimeoutMargin;
}

public static class ProviderTypes
{
    public const string OpenAI = "openai";
    public const string OpenAICompatible = "openai-compatible";
    public const string Anthropic = "anthropic";
    public const string Gemini = "gemini";
    public const string Offline = "offline";

    public static readonly string[] All = [OpenAI, OpenAICompatible, Anthropic, Gemini, Offline];
}
