using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Api.Events;
using Platform.Api.Gateway;
using Platform.Api.Infrastructure;
using Platform.Api.RateLimits;
using Platform.Core.Caching;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Gateway;
using Platform.Core.Interactions;
using Platform.Core.Limits;
using Platform.ServiceDefaults;

namespace Platform.Api.Apis;

/// <summary>
/// The endpoints of the earlier LLM Platform API, so its clients keep working: snake_case bodies, the same keys
/// (Authorization header), the platform's storage and gateway underneath.
/// </summary>
public static class CompatApi
{
    public const int ExportLimit = 1_000;
    /// <summary>A query's prompt and response are cut to this in export_data, to keep the answer bounded.</summary>
    public const int MaxTextChars = ProductEventLimits.MaxTextLength;

    public static IEndpointRouteBuilder MapCompatApi(this IEndpointRouteBuilder app)
    {
        var eventBytes = app.ServiceProvider.GetRequiredService<IOptions<EventOptions>>().Value.MaxRequestBytes;
        var chatBytes = app.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value.MaxRequestBytes;
        var api = app.MapGroup("").WithTags("Compatibility");
        api.MapPost("log_event", LogEvent).WithName("CompatLogEvent")
            .WithSummary("One event as {user_id, session_id, event_type, query, target_url, page_url, extra_data}")
            .RequireAuthorization(Policies.Ingest).RequireCors(EventsCors.Policy)
            .WithRequestLimit(eventBytes, $"{EventOptions.Section}:MaxRequestBytes")
            .Produces<IngestResult>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(503);
        api.MapPost("query", Query).WithName("CompatQuery")
            .WithSummary("{user_id, session_id, query} -> {response, source: []} through the gateway, recorded as a chat interaction")
            .RequireAuthorization(Policies.Member).WithRequestLimit(chatBytes, "Llm:MaxRequestBytes").WithUsageLimits(limitTokens: true);
        api.MapGet("export_data", Export).WithName("CompatExportData").RequireAuthorization(Policies.Member)
            .WithSummary($"Totals of queries and events, with the newest {ExportLimit} of each");
        api.MapGet("status", Status).WithName("CompatStatus").RequireAuthorization(Policies.Ingest)
            .WithSummary("Whether the service is up, its version and storage");
        return app;
    }

    public static Task<IResult> LogEvent(HttpContext http, ClaimsPrincipal user, EventBuffer buffer, TimeProvider time) =>
        EventIntake.AcceptAsync(http, EventNames.Compat, buffer, user.GetUserId(), time.GetUtcNow().UtcDateTime);

    public static async Task<IResult> Query(
        CompatQueryRequest request, HttpContext http, ClaimsPrincipal user, LlmGateway gateway, IOptions<LimitOptions> limits)
    {
        var validation = new Validation()
            .Text(request.Query, "query", int.MaxValue)
            .Text(request.UserId, "user_id", ProductEventLimits.MaxIdLength, required: false)
            .Text(request.SessionId, "session_id", ProductEventLimits.MaxIdLength, required: false);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var chat = new ChatRequest([new ChatMessageDto("user", request.Query!)], UserId: request.UserId, SessionId: request.SessionId);
        var result = await LlmApi.Chat(chat, http, user, gateway, limits);
        return result is Ok<ChatResponseDto> { Value: { } answer }
            ? TypedResults.Ok(new CompatQueryResponse(answer.Content, [], answer.InteractionId))
            : result;
    }

    public static async Task<Ok<CompatExport>> Export(ClaimsPrincipal user, PlatformDbContext db, CancellationToken ct)
    {
        var queries = InteractionsApi.Visible(db, user).Where(i => i.Type == InteractionTypes.Chat);
        var events = db.ProductEvents.AsNoTracking();
        if (!user.IsAdmin())
        {
            var owner = user.GetUserId();
            events = events.Where(e => e.OwnerUserId == owner);
        }
        var queriesCount = await queries.LongCountAsync(ct);
        var eventsCount = await events.LongCountAsync(ct);
        var data = await queries.OrderByDescending(i => i.Id).Take(ExportLimit)
            .Select(i => new CompatRecord("query", i.Id, i.EndUserId, i.SessionId, null,
                i.RenderedPrompt!.Substring(0, MaxTextChars), i.Response!.Substring(0, MaxTextChars), null, null, null, i.CreatedAt))
            .ToListAsync(ct);
        data.AddRange(await events.OrderByDescending(e => e.Timestamp).Take(ExportLimit)
            .Select(e => new CompatRecord("event", e.Id, e.UserId, e.SessionId, e.EventType, e.Query, null, e.TargetUrl, e.PageUrl, e.ExtraJson, e.Timestamp))
            .ToListAsync(ct));
        data.Sort((a, b) => b.Timestamp.CompareTo(a.Timestamp));
        return TypedResults.Ok(new CompatExport(queriesCount + eventsCount, queriesCount, eventsCount, ExportLimit,
            queriesCount > ExportLimit || eventsCount > ExportLimit, data));
    }

    public static Ok<CompatStatus> Status(DatabaseInfo database, CacheBackend cache, TimeProvider time) =>
        TypedResults.Ok(new CompatStatus("ok", ServiceInfo.Version, database.ProviderName, cache.Name, time.GetUtcNow().UtcDateTime));
}
