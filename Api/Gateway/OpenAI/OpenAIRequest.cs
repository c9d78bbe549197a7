using Microsoft.Extensions.AI;

namespace Platform.Api.Gateway.OpenAI;

/// <summary>A parsed OpenAI chat completions request: what the gateway needs of it.</summary>
internal sealed record OpenAIRequest(
    List<ChatMessage> Messages, ChatOptions Options, bool Stream, bool IncludeUsage, string? User);
