using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>SHA-256 over the normalized request: model, messages and the options that change the answer.</summary>
public static class CacheKey
{
    public static string For(IEnumerable<ChatMessage> messages, ChatOptions? options, string? providerHint)
    {
        var normalized = new
        {
            model = options?.ModelId?.ToLowerInvariant(),
            provider = providerHint?.ToLowerInvariant(),
            messages = messages.Select(m => new { role = m.Role.Value, text = m.Text }),
            temperature = options?.Temperature,
            topP = options?.TopP,
            maxTokens = options?.MaxOutputTokens,
            stop = options?.StopSequences,
            seed = options?.Seed,
            frequencyPenalty = options?.FrequencyPenalty,
            presencePenalty = options?.PresencePenalty,
            format = options?.ResponseFormat switch
            {
                ChatResponseFormatJson json => "json:" + json.Schema?.GetRawText(),
                ChatResponseFormatText => "text",
                _ => null,
            },
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(normalized)));
    }
}
