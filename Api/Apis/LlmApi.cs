using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Api.Gateway;
using Platform.Api.RateLimits;
using Platform.Core.Caching;
using Platform.Core.Gateway;
using Platform.Core.Limits;

namespace Platform.Api.Apis;

public static class LlmApi
{
    public static IEndpointRouteBuilder MapLlmApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value.MaxRequestBytes;
        var api = app.MapGroup("api/llm").WithTags("LLM gateway").RequireAuthorization(Policies.Member);
        api.MapPost("/chat", Chat).WithName("Chat").WithRequestLimit(maxBytes, "Llm:MaxRequestBytes")
            .WithSummary("Chat with any model; stream=true answers with server-sent events")
            .Produces<ChatResponseDto>().ProducesProblem(400).ProducesProblem(502).ProducesProblem(503).WithUsageLimits(limitTokens: true);
        api.MapGet("/providers", GetProviders).WithName("GetProviders").WithSummary("Providers, their models, prices and circuit state");
        api.MapGet("/cache/stats", GetCacheStats).WithName("GetCacheStats").WithSummary("Response cache hits and misses of this Api process");
        api.MapDelete("/cache", ClearCache).RequireAuthorization(Policies.Admin).WithName("ClearCache").WithSummary("Empty the response cache (admin)");
        api.MapPost("/providers/{name}/circuit-breaker/reset", ResetCircuit).RequireAuthorization(Policies.Admin)
            .WithName("ResetCircuit").WithSummary("Close the circuit breakers of every model of a provider (admin)");
        api.MapPost("/providers/{name}/models/{model}/circuit-breaker/reset", ResetModelCircuit).RequireAuthorization(Policies.Admin)
            .WithName("ResetModelCircuit").WithSummary("Close one model's circuit breaker on a provider (admin)");
        return app;
    }

    public static async Task<IResult> Chat(ChatRequest request, HttpContext http, ClaimsPrincipal user, LlmGateway gateway, IOptions<LimitOptions> limits)
    {
        var validation = ChatValidation.Validate(request, limits.Value.MaxMessages);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var context = ChatMapping.Context(request, user, http, source: "api");
        var messages = ChatMapping.Messages(request);
        try
        {
            var options = gateway.Prepare(ChatMapping.Options(request), context);
            if (request.Stream)
            {
                var stream = await GatewayStream.OpenAsync(http.Metered(gateway.Client), messages, options, context, http);
                return TypedResults.ServerSentEvents(ChatStreamEvents.For(stream, context));
            }
            var response = await http.Metered(gateway.Client).GetResponseAsync(messages, options, http.RequestAborted);
            http.Response.WriteGatewayHeaders(context.Cached, context.OverheadMs);
            return TypedResults.Ok(ChatMapping.Response(response, context));
        }
        catch (Exception ex) when (GatewayProblem.From(ex) is { } problem)
        {
            return problem.ToResult(http);
        }
    }

    public static Ok<List<ProviderDto>> GetProviders(LlmGateway gateway) =>
        TypedResults.Ok(gateway.Providers.All.OrderBy(p => p.Name).Select(p =>
        {
            var models = p.Models.ToList();
            var prices = models
                .Select(m => (Model: m, Price: gateway.Pricing.Find(m)))
                .Where(x => x.Price is not null)
                .ToDictionary(x => x.Model, x => new PriceDto(x.Price!.InputPerMillion, x.Price.CachedInputPerMillion, x.Price.OutputPerMillion));
            var circuits = p.Deployments.All.Select(d => new ModelCircuitDto(d.Model, d.CircuitState)).ToList();
            return new ProviderDto(p.Name, p.Type, models, p.DefaultModel, p.CircuitState, p.Configured, p.Options.BaseUrl, prices, circuits);
        }).ToList());

    public static Ok<CacheStatsDto> GetCacheStats(LlmGateway gateway, CacheBackend backend) =>
        TypedResults.Ok(new CacheStatsDto(gateway.CacheStats.Hits, gateway.CacheStats.Misses, gateway.CacheStats.HitRate, backend.Name));

    public static async Task<NoContent> ClearCache(LlmGateway gateway, CancellationToken ct)
    {
        await gateway.Cache.ClearAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<CircuitResetDto>, ProblemHttpResult>> ResetCircuit(string name, LlmGateway gateway)
    {
        if (gateway.Providers.Find(name) is not { } provider)
        {
            return UnknownProvider(name, gateway);
        }
        await provider.ResetCircuitAsync();
        return TypedResults.Ok(new CircuitResetDto(provider.Name, provider.CircuitState));
    }

    public static async Task<Results<Ok<CircuitResetDto>, ProblemHttpResult>> ResetModelCircuit(string name, string model, LlmGateway gateway)
    {
        if (gateway.Providers.Find(name) is not { } provider)
        {
            return UnknownProvider(name, gateway);
        }
        if (provider.Deployments.Find(model) is not { } deployment)
        {
            var known = string.Join(", ", provider.Deployments.All.Select(d => d.Model));
            return TypedResults.Problem($"Provider '{provider.Name}' has no circuit for model '{model}'. Circuits: {known}.", statusCode: 404, title: "Not found");
        }
        await deployment.ResetCircuitAsync();
        return TypedResults.Ok(new CircuitResetDto(provider.Name, deployment.CircuitState, deployment.Model));
    }

    private static ProblemHttpResult UnknownProvider(string name, LlmGateway gateway) =>
        TypedResults.Problem($"Unknown provider '{name}'. Available providers: {string.Join(", ", gateway.Providers.All.Select(p => p.Name).Order())}.",
            statusCode: 404, title: "Not found");
}
