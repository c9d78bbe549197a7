using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway;

namespace Platform.Api.Gateway.OpenAI;

/// <summary>The OpenAI wire shapes the official SDKs parse (snake_case names are part of the contract).</summary>
internal static class OpenAIResponses
{
    public static CompletionBody ToCompletion(ChatResponse response, GatewayContext context, long created) => new(
        Id(response, context), "chat.completion", created, response.ModelId ?? context.ModelRequested ?? "",
        [new Choice(0, new Message("assistant", response.Text), response.FinishReason?.Value ?? "stop")],
        Usage(response.Usage));

    public static Chunk DeltaChunk(string id, long created, string model, string? role, string? content) =>
        new(id, "chat.completion.chunk", created, model, [new ChunkChoice(0, new DeltaBody(role, content), null)], null);

    public static Chunk Finish(string id, long created, string model, string finishReason) =>
        new(id, "chat.completion.chunk", created, model, [new ChunkChoice(0, new DeltaBody(null, null), finishReason)], null);

    public static Chunk UsageChunk(string id, long created, string model, UsageDetails? usage) =>
        new(id, "chat.completion.chunk", created, model, [], Usage(usage));

    public static string Id(ChatResponse response, GatewayContext context) =>
        response.ResponseId is { Length: > 0 } id ? id : "chatcmpl-" + context.InteractionId.ToString("N");

    private static UsageBody Usage(UsageDetails? usage)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        return new UsageBody(input, output, usage?.TotalTokenCount ?? input + output);
    }

    internal sealed record CompletionBody(
        string Id, string Object, long Created, string Model, Choice[] Choices, UsageBody Usage);

    internal sealed record Choice(int Index, Message Message, [property: JsonPropertyName("finish_reason")] string FinishReason);

    internal sealed record Message(string Role, string Content);

    internal sealed record Chunk(
        string Id, string Object, long Created, string Model, ChunkChoice[] Choices,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] UsageBody? Usage);

    internal sealed record ChunkChoice(int Index, DeltaBody Delta, [property: JsonPropertyName("finish_reason")] string? FinishReason);

    internal sealed record DeltaBody(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content);

    internal sealed record UsageBody(
        [property: JsonPropertyName("prompt_tokens")] long PromptTokens,
        [property: JsonPropertyName("completion_tokens")] long CompletionTokens,
        [property: JsonPropertyName("total_tokens")] long TotalTokens);

    internal sealed record ModelList(string Object, ModelEntry[] Data);

    internal sealed record ModelEntry(string Id, string Object, long Created, [property: JsonPropertyName("owned_by")] string OwnedBy);
}
