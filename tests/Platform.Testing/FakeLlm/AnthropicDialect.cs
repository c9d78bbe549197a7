using Microsoft.AspNetCore.Http;

namespace Platform.Testing.FakeLlm;

/// <summary>Anthropic messages: x-api-key or Bearer auth, {"type":"error"} bodies, named SSE events.</summary>
internal sealed class AnthropicDialect : FakeDialect
{
    public override string RequestIdHeader => "request-id";

    // The classic header is x-api-key, but the official .NET SDK (13.x) sends its ApiKey as a Bearer token.
    public override bool IsAuthorized(HttpRequest request, string apiKey) =>
        request.Headers["x-api-key"].ToString() == apiKey
        || request.Headers.Authorization.ToString() == "Bearer " + apiKey;

    public override string? Validate(FakeLlmRequest request) =>
        string.IsNullOrEmpty(request.Model) ? "model: Field required"
        : request.MaxTokens is null ? "max_tokens: Field required"
        : request.Messages.All(m => m.Role == "system") ? "messages: at least one message is required"
        : null;

    public override Task WriteCompletionAsync(HttpContext http, FakeLlmRequest request, FakeCompletion completion)
    {
        http.Response.Headers[RequestIdHeader] = FakeHttp.NewId("req_");
        return FakeHttp.WriteJsonAsync(http, 200, new
        {
            id = FakeHttp.NewId("msg_"),
            type = "message",
            role = "assistant",
            model = request.Model,
            content = new[] { new { type = "text", text = completion.Text } },
            stop_reason = StopReason(completion),
            stop_sequence = completion.StopSequence,
            usage = new { input_tokens = completion.PromptTokens, output_tokens = completion.CompletionTokens },
        });
    }

    public override async Task WriteStreamAsync(
        HttpContext http, FakeLlmRequest request, FakeCompletion completion, FakeFault? fault)
    {
        http.Response.Headers[RequestIdHeader] = FakeHttp.NewId("req_");
        await FakeHttp.StartEventStreamAsync(http).ConfigureAwait(false);
        Task Send(string name, object data) => FakeHttp.WriteEventAsync(http, name, data);

        // Anthropic reports a token of output already in message_start; the final count comes in message_delta.
        await Send("message_start", new
        {
            type = "message_start",
            message = new
            {
                id = FakeHttp.NewId("msg_"),
                type = "message",
                role = "assistant",
                model = request.Model,
                content = Array.Empty<object>(),
                stop_reason = (string?)null,
                stop_sequence = (string?)null,
                usage = new { input_tokens = completion.PromptTokens, output_tokens = 1 },
            },
        }).ConfigureAwait(false);
        var block = new { type = "text", text = "" };
        await Send("content_block_start", new { type = "content_block_start", index = 0, content_block = block })
            .ConfigureAwait(false);
        await Send("ping", new { type = "ping" }).ConfigureAwait(false);
        var finished = await WriteChunksAsync(http, completion, fault, text => Send("content_block_delta", new
        {
            type = "content_block_delta",
            index = 0,
            delta = new { type = "text_delta", text },
        })).ConfigureAwait(false);
        if (!finished)
        {
            return;
        }

        await Send("content_block_stop", new { type = "content_block_stop", index = 0 }).ConfigureAwait(false);
        await Send("message_delta", new
        {
            type = "message_delta",
            delta = new { stop_reason = StopReason(completion), stop_sequence = completion.StopSequence },
            usage = new { output_tokens = completion.CompletionTokens },
        }).ConfigureAwait(false);
        await Send("message_stop", new { type = "message_stop" }).ConfigureAwait(false);
    }

    protected override object ErrorBody(int status, string? message)
    {
        var (type, text) = status switch
        {
            401 => ("authentication_error", "invalid x-api-key"),
            403 => ("permission_error", "Your API key does not have permission to use the specified resource."),
            404 => ("not_found_error", "Not found"),
            413 => ("request_too_large", "Request exceeds the maximum allowed number of bytes."),
            429 => ("rate_limit_error", "Number of requests has exceeded your rate limit"),
            503 or 529 => ("overloaded_error", "Overloaded"),
            >= 500 => ("api_error", "Internal server error"),
            _ => ("invalid_request_error", "Invalid request"),
        };
        var error = new { type, message = message ?? text };
        return new { type = "error", error, request_id = FakeHttp.NewId("req_") };
    }

    protected override Task WriteStreamErrorAsync(HttpContext http, string? message) =>
        FakeHttp.WriteEventAsync(http, "error", ErrorBody(529, message));

    private static string StopReason(FakeCompletion c) =>
        c.Truncated ? "max_tokens" : c.StopSequence is not null ? "stop_sequence" : "end_turn";
}
