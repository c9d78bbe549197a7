using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Api.Events;
using Platform.Api.Gateway;
using Platform.Api.Infrastructure;
using Platform.Api.Interactions;
using Platform.Api.Jobs;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Api.Apis;

/// <summary>Product events: ingestion (ingest keys, browsers through CORS), the event log and its export (member keys).</summary>
public static class EventsApi
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<EventOptions>>().Value.MaxRequestBytes;
        var api = app.MapGroup("api/events").WithTags("Events");
        api.MapPost("/", Ingest).WithName("IngestEvents")
            .WithSummary("Accept one event or {events: [...]} (up to 1000): 202 {accepted, rejected: [{index, error}]}")
            .RequireAuthorization(Policies.Ingest).RequireCors(EventsCors.Policy).AllowIngestKeyInQuery()
            .WithRequestLimit(maxBytes, $"{EventOptions.Section}:MaxRequestBytes")
            .Produces<IngestResult>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(413).ProducesProblem(503);
        api.MapGet("/", List).WithName("ListEvents").RequireAuthorization(Policies.Member)
            .WithSummary("The event log, newest first, filtered and keyset-paged");
        api.MapGet("/export", Export).WithName("ExportEvents").RequireAuthorization(Policies.Member)
            .WithSummary("Every matching event as CSV or JSON, streamed");
        return app;
    }

    public static Task<IResult> Ingest(HttpContext http, ClaimsPrincipal user, EventBuffer buffer, TimeProvider time) =>
        EventIntake.AcceptAsync(http, EventNames.Api, buffer, user.GetUserId(), time.GetUtcNow().UtcDateTime);

    public static async Task<Results<Ok<Page<EventItem>>, ValidationProblem>> List(
        [AsParameters] EventQuery query, int? limit, string? cursor, ClaimsPrincipal user, PlatformDbContext db, CancellationToken ct)
    {
        var validation = query.Validate(new Validation(), out var from, out var to)
            .Require(limit is null || limit is >= 1 and <= MaxPageSize, "limit", $"is {limit}; it must be between 1 and {MaxPageSize}.")
            .Require(EventCursor.TryDecode(cursor, out var after), "cursor", "is not a cursor this API returned.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var rows = query.Apply(db, user, from, to);
        if (after is var (t, id))
        {
            rows = rows.Where(e => e.Timestamp < t || (e.Timestamp == t && e.Id < id));
        }
        var size = limit ?? Cursor.DefaultLimit;
        var page = await rows.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Id).Take(size).Select(EventItem.From).ToListAsync(ct);
        var next = page.Count == size ? EventCursor.Encode(page[^1].Timestamp, page[^1].Id) : null;
        return TypedResults.Ok(new Page<EventItem>(page, next));
    }

    public static async Task<IResult> Export(
        [AsParameters] EventQuery query, string? format, ClaimsPrincipal user, PlatformDbContext db, HttpContext http,
        IOptions<JsonOptions> json, TimeProvider time)
    {
        var validation = query.Validate(new Validation(), out var from, out var to)
            .Require(format is null or "csv" or "json", "format", "must be csv or json.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        // In time order straight from the reader: constant memory whatever the count, and an aborted download cancels the query.
        var rows = query.Apply(db, user, from, to).OrderBy(e => e.Timestamp).ThenBy(e => e.Id).Select(EventItem.From).AsAsyncEnumerable();
        await ExportWriters.ExportAsync(http.Response, "events", format != "json", rows, EventCsv.Header, EventCsv.Write,
            json.Value.SerializerOptions, time, http.RequestAborted);
        return Results.Empty;
    }
}
