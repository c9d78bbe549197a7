namespace Platform.Api.Gateway;

public sealed record ChatMessageDto(string Role, string Content);

/// <summary>POST /api/llm/chat. responseFormat: "text" (default) or "json".</summary>
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
    string? ResponseFormat = null);

public sealed record UsageDto(long InputTokens, long OutputTokens, long TotalTokens);

public sealed record ChatResponseDto(
    string Id, string Content, string? Model, UsageDto Usage, string? FinishReason, string? Provider,
    bool Cached, double? CostUsd, double LatencyMs, Guid InteractionId);

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
