using Platform.Core.Interactions;

namespace Platform.Api.Gateway;

public sealed record ChatMessageDto(string Role, string Content);

/// <summary>
/// POST /api/llm/chat. responseFormat: "text" (default) or "json". type, promptVersion, metadata, variables and
/// requiredVariables label the interaction record: a required variable absent from variables (or empty there) is
/// recorded as missing.
/// </summary>
public sealed record ChatRequest(
    IReadOnlyList<ChatMessageDto> Messages,
    string? Model = null,
    string? Provider = null,
    int? MaxTokens = null,
    float? Temperature = null,
    bool UseCache = true,
    bool Stream = false,
    string? UserId = null,
    string? SessionId = null,
    Dictionary<string, string>? Metadata = null,
    string? ResponseFormat = null,
    string? Type = null,
    string? PromptVersion = null,
    Dictionary<string, string>? Variables = null,
    IReadOnlyList<string>? RequiredVariables = null)
{
    public InteractionLabels Labels => new(Type, PromptVersion, Metadata, RequiredVariables);
}

public sealed record UsageDto(long InputTokens, long OutputTokens, long TotalTokens);

/// <param name="ModelRequested">The model asked for (or the default chosen); differs from <paramref name="Model"/> when a fallback answered.</param>
public sealed record ChatResponseDto(
    string Id, string Content, string? Model, UsageDto Usage, string? FinishReason, string? Provider,
    bool Cached, double? CostUsd, double LatencyMs, Guid InteractionId, string? ModelRequested = null);

public sealed record ChatDeltaDto(string Content);

/// <param name="CircuitState">The worst state among <paramref name="Circuits"/>.</param>
public sealed record ProviderDto(
    string Name, string Type, IReadOnlyList<string> Models, string? DefaultModel, string CircuitState, bool Configured,
    string? BaseUrl, IReadOnlyDictionary<string, PriceDto> Prices, IReadOnlyList<ModelCircuitDto> Circuits);

/// <summary>One model's circuit on its provider; "*" is the circuit unlisted models share past the per-provider cap.</summary>
public sealed record ModelCircuitDto(string Model, string CircuitState);

public sealed record PriceDto(decimal InputPerMillion, decimal? CachedInputPerMillion, decimal OutputPerMillion);

public sealed record CacheStatsDto(long Hits, long Misses, double HitRate, string Backend);

/// <param name="Model">The model reset, or null when every model of the provider was.</param>
public sealed record CircuitResetDto(string Name, string CircuitState, string? Model = null);
