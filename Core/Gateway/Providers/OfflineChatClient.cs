using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Providers;

/// <summary>
/// The embedded default provider used when no key is configured: it answers from the prompt, deterministically,
/// and says in its text, its response properties and its metadata that it is offline.
/// </summary>
public sealed class OfflineChatClient(string providerName = ProviderTypes.Offline, TimeProvider? clock = null) : IChatClient
{
    public const string DefaultModelId = "offline-1";

    /// <summary>Set to true in every response's and update's AdditionalProperties.</summary>
    public const string OfflineProperty = "offline";

    public static readonly IReadOnlyList<string> Models = [DefaultModelId];

    private TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    private readonly ChatClientMetadata _metadata = new(providerName, null, DefaultModelId);

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = ModelOf(options);
        var answer = OfflineAnswer.For(messages.ToList(), options, model);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Text) { MessageId = answer.ResponseId })
        {
            ModelId = model,
            ResponseId = answer.ResponseId,
            CreatedAt = Clock.GetUtcNow(),
            FinishReason = FinishReason(answer),
            Usage = Usage(answer),
            AdditionalProperties = OfflineProperties(),
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Computed before the first yield, as a real provider's request would be sent.
        var model = ModelOf(options);
        var answer = OfflineAnswer.For(messages.ToList(), options, model);
        var createdAt = Clock.GetUtcNow();
        await Task.Yield();
        foreach (var word in OfflineAnswer.Words(answer.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Update(answer, model, createdAt, word);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var last = Update(answer, model, createdAt, null);
        last.FinishReason = FinishReason(answer);
        last.Contents.Add(new UsageContent(Usage(answer)));
        yield return last;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    private static ChatResponseUpdate Update(OfflineAnswer answer, string model, DateTimeOffset createdAt, string? text) =>
        new(ChatRole.Assistant, text)
        {
            ModelId = model,
            ResponseId = answer.ResponseId,
            MessageId = answer.ResponseId,
            CreatedAt = createdAt,
            AdditionalProperties = OfflineProperties(),
        };

    private static string ModelOf(ChatOptions? options) =>
        string.IsNullOrWhiteSpace(options?.ModelId) ? DefaultModelId : options.ModelId;

    private static ChatFinishReason FinishReason(OfflineAnswer answer) =>
        answer.Truncated ? ChatFinishReason.Length : ChatFinishReason.Stop;

    private static UsageDetails Usage(OfflineAnswer answer) => new()
    {
        InputTokenCount = answer.InputTokens,
        OutputTokenCount = answer.OutputTokens,
        TotalTokenCount = answer.InputTokens + answer.OutputTokens,
    };

    private static AdditionalPropertiesDictionary OfflineProperties() => new() { [OfflineProperty] = true };
}
