using System.Text;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAIFinishReason = OpenAI.Chat.ChatFinishReason;

namespace Platform.Core.Gateway.Providers;

/// <summary>The OpenAI SDK's answers to Microsoft.Extensions.AI types.</summary>
internal static class OpenAIResponseMapper
{
    public static ChatResponse Response(ChatCompletion completion) =>
        new(new Microsoft.Extensions.AI.ChatMessage(ChatRole.Assistant, Text(completion.Content, completion.Refusal))
        {
            MessageId = completion.Id,
        })
        {
            ModelId = completion.Model,
            ResponseId = completion.Id,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReason(completion.FinishReason),
            Usage = Usage(completion.Usage),
            RawRepresentation = completion,
        };

    public static ChatResponseUpdate Update(StreamingChatCompletionUpdate update)
    {
        var result = new ChatResponseUpdate(ChatRole.Assistant, Text(update.ContentUpdate, update.RefusalUpdate))
        {
            ModelId = update.Model,
            ResponseId = update.CompletionId,
            MessageId = update.CompletionId,
            CreatedAt = update.CreatedAt,
            FinishReason = update.FinishReason is { } reason ? FinishReason(reason) : null,
            RawRepresentation = update,
        };
        if (Usage(update.Usage) is { } usage)
        {
            result.Contents.Add(new UsageContent(usage));
        }

        return result;
    }

    public static AIFinishReason FinishReason(OpenAIFinishReason reason) => reason switch
    {
        OpenAIFinishReason.Stop => AIFinishReason.Stop,
        OpenAIFinishReason.Length => AIFinishReason.Length,
        OpenAIFinishReason.ContentFilter => AIFinishReason.ContentFilter,
        OpenAIFinishReason.ToolCalls or OpenAIFinishReason.FunctionCall => AIFinishReason.ToolCalls,
        _ => new AIFinishReason(reason.ToString()),
    };

    public static UsageDetails? Usage(ChatTokenUsage? usage) => usage is null
        ? null
        : new UsageDetails
        {
            InputTokenCount = usage.InputTokenCount,
            OutputTokenCount = usage.OutputTokenCount,
            TotalTokenCount = usage.TotalTokenCount,
            CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
            ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
        };

    private static string Text(ChatMessageContent? content, string? refusal)
    {
        var text = new StringBuilder();
        foreach (var part in content ?? [])
        {
            if (part.Kind == ChatMessageContentPartKind.Text)
            {
                text.Append(part.Text);
            }
        }

        // A refusal is the model's whole answer; surfacing it beats an empty string.
        return text.Length == 0 && !string.IsNullOrEmpty(refusal) ? refusal : text.ToString();
    }
}
