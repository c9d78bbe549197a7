using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Platform.Core.Gateway.Providers;

/// <summary>
/// What the gateway asks of OpenAI-style providers beyond the SDK adapter: a model on every request, only text
/// roles it can send (anything else is an argument error, not a silently dropped message), "developer" sent as
/// "system" to servers that only imitate OpenAI, and a refusal surfaced as the answer instead of an empty text.
/// </summary>
internal sealed class OpenAIRequestRules(IChatClient inner, string providerName, string? defaultModel, bool developerAsSystem)
    : DelegatingChatClient(inner)
{
    private static readonly ChatRole Developer = new("developer");

    /// <summary>Where Microsoft.Extensions.AI.OpenAI puts a refusal: an <see cref="ErrorContent"/> with this code.</summary>
    private const string RefusalCode = "Refusal";

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(Check(messages, options), options, cancellationToken).ConfigureAwait(false);
        foreach (var message in response.Messages)
        {
            SurfaceRefusal(message);
        }

        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        SurfaceRefusals(base.GetStreamingResponseAsync(Check(messages, options), options, cancellationToken));

    /// <summary>The provider's metadata with the configured default model (null when there is none).</summary>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        var service = base.GetService(serviceType, serviceKey);
        return service is ChatClientMetadata metadata
            ? new ChatClientMetadata(metadata.ProviderName, metadata.ProviderUri, defaultModel)
            : service;
    }

    private List<ChatMessage> Check(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (string.IsNullOrWhiteSpace(options?.ModelId) && defaultModel is null)
        {
            throw new ArgumentException(
                $"No model: the request names none and provider '{providerName}' has no DefaultModel.", nameof(options));
        }

        var checkedMessages = new List<ChatMessage>();
        foreach (var message in messages)
        {
            if (message.Role == Developer && developerAsSystem)
            {
                var system = message.Clone();
                system.Role = ChatRole.System;
                checkedMessages.Add(system);
            }
            else if (message.Role == ChatRole.System || message.Role == ChatRole.User || message.Role == ChatRole.Assistant
                     || message.Role == Developer)
            {
                checkedMessages.Add(message);
            }
            else
            {
                throw new ArgumentException(
                    $"Messages with role '{message.Role}' are not supported by this gateway; use system, user or assistant.",
                    nameof(messages));
            }
        }

        return checkedMessages;
    }

    private static void SurfaceRefusal(ChatMessage message)
    {
        for (var i = 0; i < message.Contents.Count; i++)
        {
            if (message.Contents[i] is ErrorContent { ErrorCode: RefusalCode } refusal && string.IsNullOrEmpty(message.Text))
            {
                message.Contents[i] = new TextContent(refusal.Message);
            }
        }
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> SurfaceRefusals(
        IAsyncEnumerable<ChatResponseUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // The adapter keeps streamed refusals only alongside tool calls; the raw update still has them.
            if (update.RawRepresentation is StreamingChatCompletionUpdate { RefusalUpdate: { Length: > 0 } refusal })
            {
                update.Contents.Add(new TextContent(refusal));
            }

            yield return update;
        }
    }
}
