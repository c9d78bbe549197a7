using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway;

namespace Platform.Api.RateLimits;

/// <summary>
/// Charges a call's real usage to its lease once the answer is complete: the usage a sync answer carries, or the usage
/// contents of a stream (charged also when the stream fails or the client goes away, for what was reported).
/// </summary>
internal sealed class MeteredChatClient(IChatClient inner, UsageLease lease) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        var context = GatewayContext.Of(options);
        await lease.ChargeAsync(Tokens(response.Usage, context), context.CostUsd, context.InteractionId);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var usage = new UsageDetails();
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                foreach (var content in update.Contents.OfType<UsageContent>())
                {
                    usage.Add(content.Details);
                }
                yield return update;
            }
        }
        finally
        {
            var context = GatewayContext.Of(options);
            await lease.ChargeAsync(Tokens(usage, context), context.CostUsd, context.InteractionId);
        }
    }

    // A cache hit reached no provider: it counts as a request, not as tokens (its cost is 0 too).
    private static long Tokens(UsageDetails? usage, GatewayContext context) =>
        usage is null || context.Cached ? 0 : usage.TotalTokenCount ?? (usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0);
}
