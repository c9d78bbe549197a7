using System.Net.ServerSentEvents;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway;

namespace Platform.Api.Gateway;

/// <summary>
/// POST /api/llm/chat with stream=true: "delta" events as chunks arrive, then one "done" event with usage and ids,
/// or an "error" event (problem details) when the stream fails after its first chunk.
/// </summary>
internal static class ChatStreamEvents
{
    public static async IAsyncEnumerable<SseItem<object>> For(GatewayStream stream, GatewayContext context)
    {
        await foreach (var update in stream.ReadAllAsync())
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return new SseItem<object>(new ChatDeltaDto(update.Text), "delta");
            }
        }

        if (stream.Failure is { } problem)
        {
            yield return new SseItem<object>(new { type = "about:blank", title = problem.Title, status = problem.Status, detail = problem.Detail }, "error");
            yield break;
        }

        yield return new SseItem<object>(ChatMapping.Response(stream.Received.ToChatResponse(), context), "done");
    }
}
