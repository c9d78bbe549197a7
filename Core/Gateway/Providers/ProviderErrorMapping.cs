using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Providers;

/// <summary>
/// Wraps an SDK's own <see cref="IChatClient"/> so it fails the way the gateway expects: every provider error as a
/// <see cref="ProviderException"/>, an unfinished stream as <see cref="ProviderErrorKind.StreamInterrupted"/>,
/// and the model id filled in when the SDK leaves it out.
/// </summary>
public sealed class ProviderErrorMapping(IChatClient inner, string providerName, string? defaultModel = null)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (ProviderErrors.Translate(providerName, error, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        response.ModelId ??= ModelOf(options);
        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        FillModel(
            ProviderStreams.Guard(providerName, ct => base.GetStreamingResponseAsync(messages, options, ct), cancellationToken),
            ModelOf(options));

    /// <summary>Metadata under the configured provider name, as every other provider client reports it.</summary>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType != typeof(ChatClientMetadata) || serviceKey is not null)
        {
            return base.GetService(serviceType, serviceKey);
        }

        var inner = base.GetService(serviceType, serviceKey) as ChatClientMetadata;
        return new ChatClientMetadata(providerName, inner?.ProviderUri, defaultModel ?? inner?.DefaultModelId);
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> FillModel(IAsyncEnumerable<ChatResponseUpdate> updates, string? model)
    {
        await foreach (var update in updates.ConfigureAwait(false))
        {
            update.ModelId ??= model;
            yield return update;
        }
    }

    private string? ModelOf(ChatOptions? options) =>
        string.IsNullOrWhiteSpace(options?.ModelId) ? defaultModel : options.ModelId;
}
