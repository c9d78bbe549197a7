using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// Microsoft.Extensions.AI's distributed response cache with the gateway's rules: a request can opt out
/// (<see cref="GatewayContext.UseCache"/>); the key leaves out the per-call <see cref="GatewayContext"/> (interaction
/// and user ids) but keeps the provider hint, and is shared by streamed and non-streamed calls; a stream is stored
/// only when it finished (a finish reason came); an entry that no longer reads is a miss; a hit is flagged on the
/// context with the provider that first answered.
/// </summary>
public sealed class ResponseCachingChatClient : DistributedCachingChatClient
{
    /// <summary>Set on every response stored or answered from the cache: the provider that produced the answer.</summary>
    public const string ProviderProperty = "platform.provider";

    private static readonly object Streaming = true;
    private readonly CacheStats _stats;

    // Read and Write see only the key; the key instance made for a call carries that call's context to them.
    private readonly ConditionalWeakTable<string, Call> _calls = new();

    public ResponseCachingChatClient(IChatClient inner, ResponseCache storage, CacheStats stats) : base(inner, storage)
    {
        _stats = stats;
        // Streams are stored as one answer and replayed from it, so a sync call and a stream share their entry.
        CoalesceStreamingUpdates = true;
    }

    protected override bool EnableCaching(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        GatewayContext.Of(options).UseCache && base.EnableCaching(messages, options);

    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? options, params ReadOnlySpan<object?> additionalValues)
    {
        var context = GatewayContext.Of(options);
        var key = base.GetCacheKey(messages, WithoutContext(options), context.ProviderHint?.ToLowerInvariant());
        _calls.AddOrUpdate(key, new Call(context, additionalValues.Length > 0 && Equals(additionalValues[0], Streaming)));
        return key;
    }

    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        ChatResponse? hit;
        try
        {
            hit = await base.ReadCacheAsync(key, cancellationToken);
        }
        catch (JsonException)
        {
            hit = null;
        }
        if (hit is null)
        {
            _stats.Miss();
            return null;
        }
        _stats.Hit();
        if (_calls.TryGetValue(key, out var call))
        {
            call.Context.Cached = true;
            call.Context.Provider = hit.AdditionalProperties?.GetValueOrDefault(ProviderProperty)?.ToString();
        }
        return hit;
    }

    protected override Task WriteCacheAsync(string key, ChatResponse value, CancellationToken cancellationToken)
    {
        _calls.TryGetValue(key, out var call);
        if (call is { Streamed: true } && value.FinishReason is null)
        {
            // The stream ended without saying it was done: not an answer to replay.
            return Task.CompletedTask;
        }
        value.AdditionalProperties ??= [];
        value.AdditionalProperties[ProviderProperty] = call?.Context.Provider;
        return base.WriteCacheAsync(key, value, cancellationToken);
    }

    private static ChatOptions? WithoutContext(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.ContainsKey(GatewayContext.PropertyKey) != true)
        {
            return options;
        }
        var keyed = options.Clone();
        keyed.AdditionalProperties!.Remove(GatewayContext.PropertyKey);
        if (keyed.AdditionalProperties.Count == 0)
        {
            keyed.AdditionalProperties = null;
        }
        return keyed;
    }

    private sealed record Call(GatewayContext Context, bool Streamed);
}
