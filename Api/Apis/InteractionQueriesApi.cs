using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Api.Auth;
using Platform.Api.Interactions;
using Platform.Api.Jobs;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Interactions.Queries;
using Platform.Core.Limits;

namespace Platform.Api.Apis;

/// <summary>Reading the interaction records: the log, its metrics, failures, data quality and exports. Members see their own.</summary>
public static class InteractionQueriesApi
{
    public const int MaxPageSize = 500;
    public const int MaxWindowDays = 366;
    /// <summary>Hourly buckets over a month; a longer hourly window asks for bucket=day.</summary>
    public const int MaxBuckets = 744;
    /// <summary>Incomplete records read to count missing variables: their JSON lists are counted in memory.</summary>
    public const int DataQualityScan = 10_000;

    public static IEndpointRouteBuilder MapInteractionQueriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/interactions").WithTags("Interactions").RequireAuthorization(Policies.Member);
        api.MapGet("/", List).WithName("ListInteractions").WithSummary("The interaction log, filtered, keyset-paged, with previews of the texts");
        api.MapGet("/metrics", Metrics).WithName("InteractionMetrics").WithSummary("Rates, latency percentiles, cost, tokens, breakdowns and a time series");
        api.MapGet("/failures", Failures).WithName("InteractionFailures").WithSummary("The newest failures with their error and input");
        api.MapGet("/data-quality-issues", DataQuality).WithName("InteractionDataQuality").WithSummary("Which input variables were missing, and how often");
        api.MapGet("/export", Export).WithName("ExportInteractions").WithSummary("Every matching record as CSV or JSON, streamed");
        return app;
    }

    public static async Task<Results<Ok<Page<InteractionSummary>>, ValidationProblem>> List(
        [AsParameters] QueryParameters query, string? sort, int? limit, string? cursor,
        ClaimsPrincipal user, PlatformDbContext db, IOptions<LimitOptions> limits, CancellationToken ct)
    {
        var validation = QueryScope.Validate(query, user, out var filter)
            .Require(sort is null || QueryPage.Sorts.Contains(sort), "sort", $"must be one of {string.Join(", ", QueryPage.Sorts)}.")
            .Require(limit is null || limit is >= 1 and <= MaxPageSize, "limit", $"is {limit}; it must be between 1 and {MaxPageSize}.")
            .Require(Cursor.TryDecode(cursor, out var after), "cursor", "is not a cursor this API returned.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var size = limit ?? Cursor.DefaultLimit;
        var page = await QueryPage.ReadAsync(QueryScope.Rows(db, filter), sort ?? QueryPage.Newest, after, size, limits.Value.PreviewChars, ct);
        return TypedResults.Ok(new Page<InteractionSummary>(page, Cursor.Next(page, size, i => i.Id)));
    }

    public static async Task<Results<Ok<InteractionMetricsReport>, ValidationProblem>> Metrics(
        [AsParameters] QueryParameters query, string? bucket, ClaimsPrincipal user, PlatformDbContext db, TimeProvider time, CancellationToken ct)
    {
        var validation = QueryScope.Validate(query, user, out var filter)
            .Require(bucket is null or InteractionMetricsQuery.Hour or InteractionMetricsQuery.Day, "bucket", "must be hour or day.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        // Metrics always cover a bounded window (default: the last 30 days) so the scan and the series stay bounded.
        var to = filter.To ?? time.GetUtcNow().UtcDateTime;
        var from = filter.From ?? to.AddDays(-30);
        var step = bucket ?? InteractionMetricsQuery.Day;
        validation
            .Require(from < to, "from", "must be before to (which defaults to now).")
            .Require(to - from <= TimeSpan.FromDays(MaxWindowDays), "from", $"the window is at most {MaxWindowDays} days.")
            .Require(to - from > TimeSpan.FromDays(MaxWindowDays) || InteractionMetricsQuery.Buckets(from, to, step).Take(MaxBuckets + 1).Count() <= MaxBuckets,
                "bucket", $"the window holds more than {MaxBuckets} buckets of one {step}; use bucket=day or a shorter window.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var rows = QueryScope.Rows(db, filter with { From = from, To = to });
        return TypedResults.Ok(await InteractionMetricsQuery.RunAsync(rows, from, to, step, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<InteractionFailure>>, ValidationProblem>> Failures(
        int? limit, ClaimsPrincipal user, PlatformDbContext db, IOptions<LimitOptions> limits, CancellationToken ct)
    {
        var validation = QueryScope.Validate(new QueryParameters(), user, out var filter)
            .Require(limit is null || limit is >= 1 and <= MaxPageSize, "limit", $"is {limit}; it must be between 1 and {MaxPageSize}.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var preview = limits.Value.PreviewChars;
        var failures = await QueryScope.Rows(db, filter).Where(i => i.Status == InteractionStatus.Failed)
            .OrderByDescending(i => i.CreatedAt).Take(limit ?? 50)
            .Select(i => new InteractionFailure(i.Id, i.Type, i.Status, i.Model ?? i.ModelRequested, i.Provider, i.ErrorType, i.ErrorMessage,
                i.RenderedPrompt!.Substring(0, preview), i.InputVariablesJson!.Substring(0, preview), i.OwnerUserId, i.CreatedAt))
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<InteractionFailure>>(failures);
    }

    public static async Task<Results<Ok<DataQualityIssues>, ValidationProblem>> DataQuality(
        int? limit, ClaimsPrincipal user, PlatformDbContext db, CancellationToken ct)
    {
        var validation = QueryScope.Validate(new QueryParameters(), user, out var filter)
            .Require(limit is null || limit is >= 1 and <= MaxPageSize, "limit", $"is {limit}; it must be between 1 and {MaxPageSize}.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var incomplete = QueryScope.Rows(db, filter).Where(i => i.MissingVariablesJson != null && i.MissingVariablesJson != "[]");
        var total = await incomplete.LongCountAsync(ct);
        var counts = new Dictionary<string, (long Count, DateTime LastSeen)>(StringComparer.Ordinal);
        await foreach (var row in incomplete.OrderByDescending(i => i.CreatedAt).Take(DataQualityScan)
            .Select(i => new { i.MissingVariablesJson, i.CreatedAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var name in MissingVariables.Parse(row.MissingVariablesJson))
            {
                var seen = counts.GetValueOrDefault(name);
                counts[name] = (seen.Count + 1, seen.LastSeen > row.CreatedAt ? seen.LastSeen : row.CreatedAt);
            }
        }
        var variables = counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Take(limit ?? 50)
            .Select(c => new MissingVariableCount(c.Key, c.Value.Count, c.Value.LastSeen)).ToList();
        return TypedResults.Ok(new DataQualityIssues(variables, total, (int)Math.Min(total, DataQualityScan)));
    }

    public static async Task<IResult> Export(
        [AsParameters] QueryParameters query, string? format, ClaimsPrincipal user, PlatformDbContext db, HttpContext http,
        IOptions<JsonOptions> json, TimeProvider time)
    {
        var validation = QueryScope.Validate(query, user, out var filter)
            .Require(format is null or "csv" or "json", "format", "must be csv or json.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        // Streamed in id order straight from the reader: no row is kept after it is written, and an aborted
        // request cancels the query.
        var rows = QueryScope.Rows(db, filter).OrderBy(i => i.Id).Select(ExportRow.FromInteraction).AsAsyncEnumerable().Select(r => r.Viewed());
        await ExportWriters.ExportAsync(http.Response, "interactions", format != "json", rows, ExportCsv.Header, ExportCsv.Write,
            json.Value.SerializerOptions, time, http.RequestAborted);
        return Results.Empty;
    }
}
