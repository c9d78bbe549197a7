using Microsoft.Extensions.AI;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Api.Gateway;
using Platform.Api.Gateway.OpenAI;
using Platform.Api.RateLimits;
using Platform.Core.Gateway;
using Platform.Core.Limits;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Platform.Api.Apis;

/// <summary>
/// The OpenAI-compatible surface: the official OpenAI SDKs work against the platform by changing only their
/// base URL (to &lt;api&gt;/v1) and key (a platform key).
/// </summary>
public static class OpenAICompatApi
{
    public static IEndpointRouteBuilder MapOpenAICompatApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value.MaxRequestBytes;
        var api = app.MapGroup("v1").WithTags("OpenAI-compatible").RequireAuthorization(Policies.Member);
        api.MapPost("/chat/completions", ChatCompletions).WithName("ChatCompletions").WithRequestLimit(maxBytes, "Llm:MaxRequestBytes")
            .WithSummary("OpenAI chat completions (streaming with stream=true)").WithUsageLimits(limitTokens: true);
        api.MapGet("/models", Models).WithName("ListModels").WithSummary("Models the platform can route to");
        return app;
    }

    public static async Task<IResult> ChatCompletions(
        JsonElement body, HttpContext http, ClaimsPrincipal user, LlmGateway gateway, IOptions<LimitOptions> limits,
        IOptions<HttpJsonOptions> json)
    {
        var (request, validation) = OpenAIRequestReader.Read(body, limits.Value.MaxMessages);
        if (request is null)
        {
            return OpenAIErrors.Invalid(validation);
        }
        var context = new GatewayContext
        {
            Source = "openai",
            OwnerUserId = user.GetUserId(),
            EndUserId = request.User,
            // The OpenAI body has no cache switch: "Cache-Control: no-cache" (or no-store) on the request bypasses it.
            UseCache = !http.Request.Headers.CacheControl.ToString().Contains("no-", StringComparison.OrdinalIgnoreCase),
            StartedTimestamp = http.RequestStart(),
        };
        ChatOptions options;
        try
        {
            options = gateway.Prepare(request.Options, context);
        }
        catch (GatewayException ex)
        {
            return OpenAIErrors.From(GatewayProblem.From(ex)!, http);
        }
        try
        {
            if (request.Stream)
            {
                var stream = await GatewayStream.OpenAsync(http.Metered(gateway.Client), request.Messages, options, context, http);
                return TypedResults.ServerSentEvents(OpenAIStreamEvents.For(stream, request, options, context, json.Value.SerializerOptions));
            }
            var response = await http.Metered(gateway.Client).GetResponseAsync(request.Messages, options, http.RequestAborted);
            http.Response.WriteGatewayHeaders(context.Cached, context.OverheadMs);
            return Results.Json(OpenAIResponses.ToCompletion(response, context, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        }
        catch (Exception ex) when (GatewayProblem.From(ex) is { } problem)
        {
            return OpenAIErrors.From(problem, http);
        }
    }

    public static IResult Models(LlmGateway gateway) =>
        Results.Json(new OpenAIResponses.ModelList("list", gateway.Providers.All
            .Where(p => p.Configured)
            .SelectMany(p => p.Models.Select(m => new OpenAIResponses.ModelEntry(m, "model", 0, p.Name)))
            .ToArray()));
}
