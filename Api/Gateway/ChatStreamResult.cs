using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Platform.Core.Gateway;

namespace Platform.Api.Gateway;

/// <summary>
/// POST /api/llm/chat with stream=true: "delta" events as chunks arrive, then one "done" event with usage and ids.
/// A failure before the first chunk is an ordinary problem-details answer; after it, an "error" event.
/// </summary>
internal sealed class ChatStreamResult(IChatClient client, List<ChatMessage> messages, ChatOptions options, GatewayContext context) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var logger = http.RequestServices.GetRequiredService<ILogger<ChatStreamResult>>();
        await using var stream = client.GetStreamingResponseAsync(messages, options, http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);
        bool more;
        try
        {
            more = await stream.MoveNextAsync();
        }
        catch (Exception ex) when (GatewayProblem.From(ex) is { } problem)
        {
            await problem.ToResult(http).ExecuteAsync(http);
            return;
        }

        var sse = new SseWriter(http.Response, json);
        http.Response.WriteGatewayHeaders(context.Cached, context.OverheadMs);
        await sse.StartAsync();
        var updates = new List<ChatResponseUpdate>();
        while (more)
        {
            updates.Add(stream.Current);
            if (!string.IsNullOrEmpty(stream.Current.Text))
            {
                await sse.WriteEventAsync("delta", new ChatDeltaDto(stream.Current.Text));
            }
            try
            {
                more = await stream.MoveNextAsync();
            }
            catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
            {
                var problem = GatewayProblem.From(ex) ?? new GatewayProblem(500, "Internal error", "The stream failed unexpectedly.");
                if (GatewayProblem.From(ex) is null)
                {
                    logger.LogError(ex, "Chat stream failed");
                }
                await sse.WriteEventAsync("error", new { type = "about:blank", title = problem.Title, status = problem.Status, detail = problem.Detail });
                return;
            }
        }
        await sse.WriteEventAsync("done", ChatMapping.Response(updates.ToChatResponse(), context));
    }
}
