using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// The gateway's own span around a whole call: what only the platform knows (interaction id, cache hit, attempts
/// across retries and fallbacks). The GenAI semantic-convention spans and metrics come from Microsoft.Extensions.AI's
/// <see cref="OpenTelemetryChatClient"/> on each provider client below the router, under the same source name.
/// </summary>
public sealed class GatewaySpanChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public const string SourceName = "Platform.Gateway";
    private static readonly ActivitySource Source = new(SourceName);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        using var activity = Start(options, context);
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken);
            Finish(activity, context, error: null);
            return response;
        }
        catch (Exception ex)
        {
            Finish(activity, context, ex);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        using var activity = Start(options, context);
        await using var enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception ex)
            {
                Finish(activity, context, ex);
                throw;
            }
            yield return enumerator.Current;
        }
        Finish(activity, context, error: null);
    }

    private static Activity? Start(ChatOptions? options, GatewayContext context)
    {
        // Not "chat {model}" and no gen_ai.* attributes: those belong to the provider call's span, and one call
        // must not look like two model calls to a trace reader.
        var activity = Source.StartActivity($"gateway {options?.ModelId}");
        activity?.SetTag("platform.interaction_id", context.InteractionId.ToString());
        return activity;
    }

    private static void Finish(Activity? activity, GatewayContext context, Exception? error)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetTag("platform.cache_hit", context.Cached);
        activity.SetTag("platform.attempts", context.Attempts);
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag("error.type", error.GetType().FullName);
        }
    }
}
