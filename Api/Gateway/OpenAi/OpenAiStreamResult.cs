using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Platform.Core.Gateway;

namespace Platform.Api.Gateway.OpenAi;

/// <summary>OpenAI-style SSE: chat.completion.chunk events, an optional usage chunk, then "data: [DONE]".</summary>
internal sealed class OpenAiStreamResult(IChatClient client, OpenAiRequest request, ChatOptions options, GatewayContext context) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using var stream = client.GetStreamingResponseAsync(request.Messages, options, http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);
        bool more;
        try
        {
            more = await stream.MoveNextAsync();
        }
        catch (Exception ex) when (GatewayProblem.From(ex) is { } problem)
        {
            await OpenAiErrors.From(problem, http).ExecuteAsync(http);
            return;
        }

        var sse = new SseWriter(http.Response, json);
        http.Response.WriteGatewayHeaders(context.Cached, context.OverheadMs);
        await sse.StartAsync();
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var id = "chatcmpl-" + context.InteractionId.ToString("N");
        var model = options.ModelId ?? "";
        var updates = new List<ChatResponseUpdate>();
        await sse.WriteEventAsync(null, OpenAiResponses.DeltaChunk(id, created, model, "assistant", ""));
        while (more)
        {
            updates.Add(stream.Current);
            if (!string.IsNullOrEmpty(stream.Current.Text))
            {
                await sse.WriteEventAsync(null, OpenAiResponses.DeltaChunk(id, created, stream.Current.ModelId ?? model, null, stream.Current.Text));
            }
            try
            {
                more = await stream.MoveNextAsync();
            }
            catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
            {
                // OpenAI's own streams report a mid-stream failure as an error object in the stream.
                var problem = GatewayProblem.From(ex) ?? new GatewayProblem(500, "Internal error", "The stream failed unexpectedly.");
                await sse.WriteEventAsync(null, new { error = new { message = problem.Detail, type = "api_error", code = problem.Status } });
                return;
            }
        }
        var response = updates.ToChatResponse();
        await sse.WriteEventAsync(null, OpenAiResponses.Finish(id, created, response.ModelId ?? model, response.FinishReason?.Value ?? "stop"));
        if (request.IncludeUsage)
        {
            await sse.WriteEventAsync(null, OpenAiResponses.UsageChunk(id, created, response.ModelId ?? model, response.Usage));
        }
        await sse.WriteRawAsync("data: [DONE]\n\n");
    }
}
