using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.Testing.FakeLlm;

/// <summary>
/// The fake's routes and the one pipeline they share: record, authenticate, apply a fault, validate, reply.
/// </summary>
internal static class FakeLlmEndpoints
{
    private static readonly OpenAIDialect OpenAI = new();
    private static readonly AnthropicDialect Anthropic = new();

    public static void MapFakeLlm(this IEndpointRouteBuilder app, FakeLlmServer server)
    {
        // With and without /v1, so a base URL configured either way reaches the fake.
        foreach (var prefix in new[] { "/v1", "" })
        {
            app.MapPost(prefix + "/chat/completions", http => HandleAsync(http, server, FakeLlmApi.OpenAIChat, OpenAI));
            app.MapGet(prefix + "/models", http => HandleAsync(http, server, FakeLlmApi.Models, OpenAI));
            app.MapPost(prefix + "/messages", http => HandleAsync(http, server, FakeLlmApi.AnthropicMessages, Anthropic));
        }
    }

    private static async Task HandleAsync(HttpContext http, FakeLlmServer server, FakeLlmApi api, FakeDialect dialect)
    {
        try
        {
            await RespondAsync(http, server, api, dialect).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (its own timeout or cancellation): nothing left to answer.
        }
    }

    private static async Task RespondAsync(HttpContext http, FakeLlmServer server, FakeLlmApi api, FakeDialect dialect)
    {
        var request = await FakeRequestReader.ReadAsync(http, api).ConfigureAwait(false);
        server.Record(request);
        if (!dialect.IsAuthorized(http.Request, server.ApiKey))
        {
            await dialect.WriteErrorAsync(http, 401).ConfigureAwait(false);
            return;
        }

        var fault = server.Faults.Take(api, request.Model);
        switch (fault)
        {
            case FakeStatusFault status:
                await dialect.WriteErrorAsync(http, status.StatusCode, status.Message, status.RetryAfterSeconds)
                    .ConfigureAwait(false);
                return;
            case FakeDelayFault delay:
                await Task.Delay(delay.Duration, http.RequestAborted).ConfigureAwait(false);
                break;
            case FakeCutStreamFault when !request.Stream:
                await FakeHttp.CutConnectionAsync(http).ConfigureAwait(false);
                return;
            case FakeEndStreamFault when !request.Stream:
                http.Response.ContentType = "application/json";
                return;
            case FakeStreamErrorFault error when !request.Stream:
                await dialect.WriteErrorAsync(http, 500, error.Message).ConfigureAwait(false);
                return;
        }

        if (api is FakeLlmApi.Models)
        {
            var models = server.Models.Select(id => new { id, @object = "model", created = 1_700_000_000L, owned_by = "fake" });
            await FakeHttp.WriteJsonAsync(http, 200, new { @object = "list", data = models.ToArray() }).ConfigureAwait(false);
            return;
        }

        if ((request.ParseError ?? dialect.Validate(request)) is { } problem)
        {
            await dialect.WriteErrorAsync(http, 400, problem).ConfigureAwait(false);
            return;
        }

        var completion = (server.Refusal is { } refusal
            ? FakeCompletion.For(request, refusal) with { IsRefusal = true }
            : FakeCompletion.For(request, server.ReplyFor(request))) with { CachedPromptTokens = server.CachedPromptTokens };
        if (fault is FakeCutStreamFault && request.Stream)
        {
            FakeHttp.BufferForCut(http);
        }

        await (request.Stream
            ? dialect.WriteStreamAsync(http, request, completion, fault)
            : dialect.WriteCompletionAsync(http, request, completion)).ConfigureAwait(false);
    }
}
