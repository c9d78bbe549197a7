using Microsoft.Extensions.AI;
using Platform.Api.Gateway;
using Platform.Api.Infrastructure;
using Platform.Api.RateLimits;
using Platform.Api.Tracker;
using Platform.Api.Auth;
using Platform.Core.Gateway;
using Platform.Core.Interactions;
using Platform.Core.Jobs;

namespace Platform.Api.Demo;

/// <summary>
/// The demo chat under /demo/: what a product team would embed. The page is public and tracked by tracker.js with the
/// ingest key; its questions go to /demo/ask, which answers with the member key's identity, so that key never leaves
/// the server.
/// </summary>
public static class DemoApi
{
    public const int MaxQuestionLength = 2000;
    private const int MaxAnswerTokens = 800;
    private const string SystemPrompt =
        "You answer questions from visitors of a product demo. Be brief and friendly; use Markdown, and give links as absolute URLs.";
    // The answer's HTML is sanitized on the server; the policy keeps even a slip from running script or reaching elsewhere.
    private const string PagePolicy = "default-src 'self'; img-src 'self' data: https:; frame-ancestors 'none'";

    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        // Routing matches /demo and /demo/ alike; the page names its files by absolute paths, so both work.
        ("/demo/", "demo/index.html", "text/html; charset=utf-8"),
        ("/demo/demo.js", "demo/demo.js", "text/javascript; charset=utf-8"),
        ("/demo/demo.css", "demo/demo.css", "text/css; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapDemo(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new();
        var check = new DemoKeyCheck(options, app.ServiceProvider.GetRequiredService<ApiKeyStore>());
        var demo = app.MapGroup("demo").AllowAnonymous().ExcludeFromDescription();
        foreach (var (path, resource, contentType) in Files)
        {
            var asset = new Lazy<BrowserAsset>(() => BrowserAsset.Load(resource, contentType));
            app.MapGet(path, (HttpContext http) => asset.Value.Serve(http, PagePolicy)).AllowAnonymous().ExcludeFromDescription();
        }
        demo.MapGet("/config", (CancellationToken ct) => check.ConfigAsync(ct));
        demo.MapPost("/ask", (DemoQuestion request, HttpContext http, LlmGateway gateway) => Ask(request, http, gateway, options))
            .AddEndpointFilter(new DemoMemberKeyFilter(check))
            .WithUsageLimits(limitTokens: true);
        return app;
    }

    private static async Task<IResult> Ask(DemoQuestion request, HttpContext http, LlmGateway gateway, DemoOptions options)
    {
        var validation = new Validation()
            .Text(request.Question, "question", MaxQuestionLength)
            .Text(request.UserId, "userId", 200, required: false)
            .Text(request.SessionId, "sessionId", 200, required: false);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var context = new GatewayContext
        {
            Source = "demo",
            InteractionType = InteractionTypes.Chat,
            OwnerUserId = http.Features.Get<ApiKeyIdentity>()!.UserId,
            EndUserId = request.UserId,
            SessionId = request.SessionId,
            StartedTimestamp = http.RequestStart(),
        };
        try
        {
            var chatOptions = gateway.Prepare(new ChatOptions { ModelId = options.Model, MaxOutputTokens = MaxAnswerTokens }, context);
            List<ChatMessage> messages = [new(ChatRole.System, SystemPrompt), new(ChatRole.User, request.Question.Trim())];
            var response = await http.Metered(gateway.Client).GetResponseAsync(messages, chatOptions, http.RequestAborted);
            return TypedResults.Ok(new DemoAnswer(response.Text, MarkdownRenderer.ToHtml(response.Text),
                response.ModelId ?? context.ModelRequested, context.Cached, context.InteractionId));
        }
        catch (Exception ex) when (GatewayProblem.From(ex) is { } problem)
        {
            return problem.ToResult(http);
        }
    }
}
