using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// Answers a repeated request from the cache without reaching a provider. Only complete answers are stored:
/// a stream that failed or ended without a finish reason is never cached.
/// </summary>
public sealed class CachingChatClient(IChatClient inner, ResponseCache cache, CacheStats stats) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        if (!context.UseCache)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var hash = CacheKey.For(list, options, context.ProviderHint);
        if (await cache.GetAsync(hash, cancellationToken) is { } hit)
        {
            stats.Hit();
            (context.Cached, context.Provider) = (true, hit.Provider);
            return hit.ToResponse();
        }
        stats.Miss();
        var response = await base.GetResponseAsync(list, options, cancellationToken);
        await cache.SetAsync(hash, CachedAnswer.From(response, context.Provider), cancellationToken);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var hash = context.UseCache ? CacheKey.For(list, options, context.ProviderHint) : null;
        if (hash is not null && await cache.GetAsync(hash, cancellationToken) is { } hit)
        {
            stats.Hit();
            (context.Cached, context.Provider) = (true, hit.Provider);
            foreach (var update in hit.ToResponse().ToChatResponseUpdates())
            {
                yield return update;
            }
            yield break;
        }

        if (hash is not null)
        {
            stats.Miss();
        }
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            updates.Add(update);
            yield return update;
        }
        var response = updates.ToChatResponse();
        if (hash is not null && response.FinishReason is not null)
        {
            await cache.SetAsync(hash, CachedAnswer.From(response, context.Provider), cancellationToken);
        }
    }
}
