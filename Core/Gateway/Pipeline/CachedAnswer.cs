using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>What the response cache keeps of an answer: enough to answer again exactly as the provider did.</summary>
public sealed record CachedAnswer(
    string Text, string? Model, string? Provider, string? FinishReason, string? ResponseId,
    long? InputTokens, long? OutputTokens, long? CachedInputTokens)
{
    public static CachedAnswer From(ChatResponse response, string? provider) => new(
        response.Text, response.ModelId, provider, response.FinishReason?.Value, response.ResponseId,
        response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, response.Usage?.CachedInputTokenCount);

    public UsageDetails Usage => new()
    {
        InputTokenCount = InputTokens,
        OutputTokenCount = OutputTokens,
        TotalTokenCount = (InputTokens ?? 0) + (OutputTokens ?? 0),
        CachedInputTokenCount = CachedInputTokens,
    };

    public ChatResponse ToResponse() => new(new ChatMessage(ChatRole.Assistant, Text))
    {
        ModelId = Model,
        ResponseId = ResponseId,
        FinishReason = FinishReason is null ? null : new ChatFinishReason(FinishReason),
        Usage = Usage,
    };
}
