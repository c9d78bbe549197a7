using Microsoft.AspNetCore.Http;

namespace Platform.Testing.FakeLlm;

/// <summary>OpenAI chat completions: Bearer auth, {"error":{...}} bodies, chat.completion(.chunk) objects.</summary>
internal sealed class OpenAIDialect : FakeDialect
{
    public override string RequestIdHeader => "x-request-id";

    public override bool IsAuthorized(HttpRequest request, string apiKey) =>
        request.Headers.Authorization.ToString() == "Bearer " + apiKey;

    public override string? Validate(FakeLlmRequest request) =>
        string.IsNullOrEmpty(request.Model) ? "you must provide a model parameter"
        : request.Messages.Count == 0 ? "[] is too short - 'messages'"
        : null;

    public override Task WriteCompletionAsync(HttpContext http, FakeLlmRequest request, FakeCompletion completion)
    {
        http.Response.Headers[RequestIdHeader] = FakeHttp.NewId("req_");
        return FakeHttp.WriteJsonAsync(http, 200, new
        {
            id = FakeHttp.NewId("chatcmpl-"),
            @object = "chat.completion",
            created = FakeHttp.Now(),
            model = request.Model,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new
                    {
                        role = "assistant",
                        content = completion.IsRefusal ? null : completion.Text,
                        refusal = completion.IsRefusal ? completion.Text : null,
                    },
                    logprobs = (object?)null,
                    finish_reason = FinishReason(completion),
                },
            },
            usage = Usage(completion),
            system_fingerprint = "fp_fake",
        });
    }

    public override async Task WriteStreamAsync(
        HttpContext http, FakeLlmRequest request, FakeCompletion completion, FakeFault? fault)
    {
        http.Response.Headers[RequestIdHeader] = FakeHttp.NewId("req_");
        await FakeHttp.StartEventStreamAsync(http).ConfigureAwait(false);
        var id = FakeHttp.NewId("chatcmpl-");
        var created = FakeHttp.Now();
        object Chunk(object[] choices, object? usage = null) => new
        {
            id,
            @object = "chat.completion.chunk",
            created,
            model = request.Model,
            system_fingerprint = "fp_fake",
            choices,
            usage,
        };
        object Choice(object delta, string? finish = null) =>
            new { index = 0, delta, logprobs = (object?)null, finish_reason = finish };

        // Like OpenAI: the role comes first with empty content, so SDKs yield one empty text part before the words.
        var role = new { role = "assistant", content = "", refusal = (string?)null };
        await FakeHttp.WriteEventAsync(http, null, Chunk([Choice(role)])).ConfigureAwait(false);
        var finished = await WriteChunksAsync(http, completion, fault,
            text => FakeHttp.WriteEventAsync(http, null, Chunk([Choice(completion.IsRefusal ? new { refusal = text } : (object)new { content = text })])))
            .ConfigureAwait(false);
        if (!finished)
        {
            return;
        }

        var final = Chunk([Choice(new { }, FinishReason(completion))]);
        await FakeHttp.WriteEventAsync(http, null, final).ConfigureAwait(false);
        if (request.IncludeUsage)
        {
            await FakeHttp.WriteEventAsync(http, null, Chunk([], Usage(completion))).ConfigureAwait(false);
        }

        await FakeHttp.WriteRawEventAsync(http, null, "[DONE]").ConfigureAwait(false);
    }

    protected override object ErrorBody(int status, string? message)
    {
        var (type, code, text) = status switch
        {
            401 => ("invalid_request_error", "invalid_api_key", "Incorrect API key provided"),
            403 => ("invalid_request_error", "unsupported_country_region_territory", "Forbidden"),
            404 => ("invalid_request_error", "model_not_found", "The model does not exist"),
            429 => ("requests", "rate_limit_exceeded", "Rate limit reached for requests"),
            >= 500 => ("server_error", (string?)null, "The server had an error while processing your request"),
            _ => ("invalid_request_error", null, "Invalid request"),
        };
        return new { error = new { message = message ?? text, type, param = (string?)null, code } };
    }

    protected override Task WriteStreamErrorAsync(HttpContext http, string? message) =>
        FakeHttp.WriteEventAsync(http, null, ErrorBody(500, message));

    private static string FinishReason(FakeCompletion completion) => completion.Truncated ? "length" : "stop";

    private static object Usage(FakeCompletion c) => new
    {
        prompt_tokens = c.PromptTokens,
        completion_tokens = c.CompletionTokens,
        total_tokens = c.PromptTokens + c.CompletionTokens,
        prompt_tokens_details = new { cached_tokens = c.CachedPromptTokens },
    };
}
