using Platform.Core.Gateway.Providers;

namespace Platform.Core.Contracts;

/// <summary>Which path produced a contract: the kind of provider that answered, or a fallback.</summary>
public static class ContractPaths
{
    public const string OpenAI = "openai";
    public const string Anthropic = "anthropic";
    public const string Gemini = "gemini";
    public const string Offline = "offline";
    public const string Heuristic = "heuristic";
    public const string Safe = "safe";

    public static readonly IReadOnlyList<string> All = [OpenAI, Anthropic, Gemini, Offline, Heuristic, Safe];

    /// <summary>An OpenAI-compatible server speaks OpenAI's protocol, so it counts as openai.</summary>
    public static string OfProviderType(string providerType) => providerType switch
    {
        ProviderTypes.Anthropic => Anthropic,
        ProviderTypes.Gemini => Gemini,
        ProviderTypes.Offline => Offline,
        _ => OpenAI,
    };
}
