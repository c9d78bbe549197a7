using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Platform.Core.Gateway.Providers;
using Platform.Core.Gateway.Routing;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// Sends the call to the model's provider, then down the model's fallback chain when a provider fails for
/// reasons of its own (not when it rejects the request itself). A stream falls back only before its first chunk.
/// </summary>
public sealed class RouterChatClient(ModelRouter router, ILogger<RouterChatClient> logger) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var steps = router.Route(options?.ModelId, context.ProviderHint);
            for (var i = 0; ; i++)
            {
                context.Provider = steps[i].Provider.Name;
                try
                {
                    return await steps[i].Provider.Client.GetResponseAsync(messages, For(options, steps[i]), cancellationToken);
                }
                catch (ProviderException ex) when (CanFallBack(ex) && i + 1 < steps.Count)
                {
                    LogFallback(ex, steps[i], steps[i + 1]);
                }
            }
        }
        finally
        {
            context.ProviderTicks += Stopwatch.GetElapsedTime(started).Ticks;
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        var steps = router.Route(options?.ModelId, context.ProviderHint);
        for (var i = 0; i < steps.Count; i++)
        {
            context.Provider = steps[i].Provider.Name;
            var started = Stopwatch.GetTimestamp();
            var enumerator = steps[i].Provider.Client.GetStreamingResponseAsync(messages, For(options, steps[i]), cancellationToken).GetAsyncEnumerator(cancellationToken);
            bool any;
            try
            {
                any = await enumerator.MoveNextAsync();
            }
            catch (ProviderException ex) when (CanFallBack(ex) && i + 1 < steps.Count)
            {
                context.ProviderTicks += Stopwatch.GetElapsedTime(started).Ticks;
                await enumerator.DisposeAsync();
                LogFallback(ex, steps[i], steps[i + 1]);
                continue;
            }
            context.ProviderTicks += Stopwatch.GetElapsedTime(started).Ticks;
            await using (enumerator)
            {
                while (any)
                {
                    yield return enumerator.Current;
                    started = Stopwatch.GetTimestamp();
                    any = await enumerator.MoveNextAsync();
                    context.ProviderTicks += Stopwatch.GetElapsedTime(started).Ticks;
                }
            }
            yield break;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static bool CanFallBack(ProviderException ex) => ex.Kind != ProviderErrorKind.InvalidRequest;

    private static ChatOptions For(ChatOptions? options, RouteStep step)
    {
        var copy = options?.Clone() ?? new ChatOptions();
        copy.ModelId = step.Model;
        return copy;
    }

    private void LogFallback(ProviderException ex, RouteStep failed, RouteStep next) =>
        logger.LogWarning("Model {Model} on {Provider} failed ({Kind}: {Message}); falling back to {Next} on {NextProvider}",
            failed.Model, failed.Provider.Name, ex.Kind, ex.Message, next.Model, next.Provider.Name);
}
