using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Platform.Core.Interactions;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// Prices every call and records it as an interaction through the bounded buffer, success or failure, off the
/// request path. A full buffer refuses the call before the provider is paid for it.
/// </summary>
public sealed class RecordingChatClient(IChatClient inner, InteractionBuffer buffer, PricingCatalog pricing, TimeProvider clock) : DelegatingChatClient(inner)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        await ReserveAsync(context, cancellationToken);
        var record = InteractionRecord.Create(context, list, options, streamed: false, Now);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(list, options, cancellationToken);
        }
        catch (Exception ex)
        {
            InteractionRecord.Fail(record, context, ex, partialText: null, Now);
            await SaveAsync(context, record);
            throw;
        }
        context.CostUsd = context.Cached ? 0 : pricing.Cost(response.ModelId ?? options?.ModelId, response.Usage);
        InteractionRecord.Complete(record, context, response, Now);
        await SaveAsync(context, record);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        await ReserveAsync(context, cancellationToken);
        var record = InteractionRecord.Create(context, list, options, streamed: true, Now);
        var updates = new List<ChatResponseUpdate>();
        var saved = false;
        await using var enumerator = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
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
                    InteractionRecord.Fail(record, context, ex, string.Concat(updates.Select(u => u.Text)), Now);
                    saved = true;
                    await SaveAsync(context, record);
                    throw;
                }
                context.TimeToFirstTokenMs ??= context.ElapsedMs;
                updates.Add(enumerator.Current);
                yield return enumerator.Current;
            }

            var response = updates.ToChatResponse();
            context.CostUsd = context.Cached ? 0 : pricing.Cost(response.ModelId ?? options?.ModelId, response.Usage);
            InteractionRecord.Complete(record, context, response, Now);
            saved = true;
            await SaveAsync(context, record);
        }
        finally
        {
            if (!saved)
            {
                // The consumer stopped reading mid-stream (client went away): still one record, marked as such.
                InteractionRecord.Fail(record, context, new OperationCanceledException("The client stopped reading the stream."), string.Concat(updates.Select(u => u.Text)), Now);
                await SaveAsync(context, record);
            }
        }
    }

    private async ValueTask ReserveAsync(GatewayContext context, CancellationToken cancellationToken)
    {
        if (context.RecordInteraction)
        {
            await buffer.EnsureSpaceAsync(cancellationToken);
        }
    }

    // Not the caller's token: a client that hangs up must not cost us the record of what it was charged.
    private async ValueTask SaveAsync(GatewayContext context, Interaction record)
    {
        if (context.RecordInteraction)
        {
            await buffer.AddAsync(new InteractionWrite(record));
        }
    }
}
