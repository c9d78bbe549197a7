using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway;

namespace Platform.Api.Gateway.OpenAI;

/// <summary>
/// OpenAI's stream on the wire: unnamed events carrying chat.completion.chunk objects, an optional usage chunk, then
/// "data: [DONE]". The events are strings so "[DONE]" goes out as is and the chunks in the Api's JSON settings.
/// </summary>
internal static class OpenAIStreamEvents
{
    private const string Done = "[DONE]";

    public static async IAsyncEnumerable<SseItem<string>> For(
        GatewayStream stream, OpenAIRequest request, ChatOptions options, GatewayContext context, JsonSerializerOptions json)
    {
        SseItem<string> Event<T>(T chunk) => new(JsonSerializer.Serialize(chunk, json));
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var id = "chatcmpl-" + context.InteractionId.ToString("N");
        var model = options.ModelId ?? "";
        yield return Event(OpenAIResponses.DeltaChunk(id, created, model, "assistant", ""));
        await foreach (var update in stream.ReadAllAsync())
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return Event(OpenAIResponses.DeltaChunk(id, created, update.ModelId ?? model, null, update.Text));
            }
        }

        if (stream.Failure is { } problem)
        {
            // OpenAI's own streams report a mid-stream failure as an error object in the stream.
            yield return Event(new { error = new { message = problem.Detail, type = "api_error", code = problem.Status } });
            yield break;
        }

        var response = stream.Received.ToChatResponse();
        yield return Event(OpenAIResponses.Finish(id, created, response.ModelId ?? model, response.FinishReason?.Value ?? "stop"));
        if (request.IncludeUsage)
        {
            yield return Event(OpenAIResponses.UsageChunk(id, created, response.ModelId ?? model, response.Usage));
        }

        yield return new SseItem<string>(Done);
    }
}
