using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;
using OpenAIResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace Platform.Core.Gateway.Providers;

/// <summary>Microsoft.Extensions.AI requests to the OpenAI SDK's chat completion types (text conversations only).</summary>
internal static class OpenAIRequestMapper
{
    public static List<OpenAIChatMessage> Messages(IEnumerable<AIChatMessage> messages)
    {
        var mapped = new List<OpenAIChatMessage>();
        foreach (var message in messages)
        {
            var text = message.Text;
            mapped.Add(message.Role.Value switch
            {
                // "developer" is the newer name of the system role; every compatible server knows "system".
                "system" or "developer" => new SystemChatMessage(text),
                "user" => new UserChatMessage(text),
                "assistant" => new AssistantChatMessage(text),
                _ => throw new ArgumentException(
                    $"Messages with role '{message.Role}' are not supported by this gateway; use system, user or assistant.",
                    nameof(messages)),
            });
        }

        return mapped;
    }

    public static ChatCompletionOptions Options(ChatOptions? options)
    {
        var mapped = new ChatCompletionOptions();
        if (options is null)
        {
            return mapped;
        }

        mapped.Temperature = options.Temperature;
        mapped.TopP = options.TopP;
        mapped.FrequencyPenalty = options.FrequencyPenalty;
        mapped.PresencePenalty = options.PresencePenalty;
        mapped.MaxOutputTokenCount = options.MaxOutputTokens;
#pragma warning disable OPENAI001 // Seed is marked experimental in the SDK; providers still honour it.
        mapped.Seed = options.Seed;
#pragma warning restore OPENAI001
        foreach (var stop in options.StopSequences ?? [])
        {
            mapped.StopSequences.Add(stop);
        }

        mapped.ResponseFormat = ResponseFormat(options.ResponseFormat);
        return mapped;
    }

    private static OpenAIResponseFormat? ResponseFormat(AIResponseFormat? format) => format switch
    {
        ChatResponseFormatJson { Schema: { } schema } json => OpenAIResponseFormat.CreateJsonSchemaFormat(
            json.SchemaName ?? "response", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription),
        ChatResponseFormatJson => OpenAIResponseFormat.CreateJsonObjectFormat(),
        _ => null,
    };
}
