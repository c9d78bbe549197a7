namespace Platform.Web.Api;

// The LLM gateway's JSON contracts (GET /api/llm/providers, /api/llm/cache/stats, POST /api/llm/chat), as Web reads them.

public sealed record ApiProvider(
    string Name,
    string Type,
    IReadOnlyList<string> Models,
    string? DefaultModel,
    string CircuitState,
    bool Configured,
    string? BaseUrl,
    IReadOnlyDictionary<string, ApiPrice>? Prices,
    IReadOnlyList<ApiModelCircuit>? Circuits = null)
{
    /// <summary>The model's own circuit state; the provider's summary when the Api reported none for it.</summary>
    public string CircuitOf(string model) => Circuits?.FirstOrDefault(c => c.Model == model)?.CircuitState ?? CircuitState;
}

/// <summary>One model's circuit breaker on its provider.</summary>
public sealed record ApiModelCircuit(string Model, string CircuitState);

/// <summary>USD per million tokens.</summary>
public sealed record ApiPrice(decimal InputPerMillion, decimal? CachedInputPerMillion, decimal OutputPerMillion);

/// <param name="Model">The model reset, or null when the whole provider was.</param>
public sealed record ApiCircuitReset(string Name, string CircuitState, string? Model = null);

public sealed record ApiCacheStats(long Hits, long Misses, double HitRate, string Backend);

public sealed record ApiChatMessage(string Role, string Content);

/// <summary>Only fields the Api knows: it rejects unknown ones. Nulls are left out of the JSON (see PlatformApiClient).</summary>
public sealed record ApiChatRequest(
    IReadOnlyList<ApiChatMessage> Messages,
    string? Model = null,
    string? Provider = null,
    int? MaxTokens = null,
    float? Temperature = null,
    bool UseCache = true,
    bool Stream = false);

public sealed record ApiUsage(long InputTokens, long OutputTokens, long TotalTokens);

public sealed record ApiChatResponse(
    string Id,
    string Content,
    string? Model,
    ApiUsage? Usage,
    string? FinishReason,
    string? Provider,
    bool Cached,
    double? CostUsd,
    double LatencyMs,
    Guid InteractionId);

/// <summary>One step of a streamed answer: a piece of text, or (last) the complete response.</summary>
public sealed record ChatStreamUpdate(string? Delta, ApiChatResponse? Done);

internal sealed record ApiChatDelta(string? Content);
