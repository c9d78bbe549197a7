using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Api.Analytics;
using Platform.Api.Auth;
using Platform.Api.Infrastructure;
using Platform.Core.Analytics;

namespace Platform.Api.Apis;

/// <summary>Behavioural analytics of the product's end users: one user's pain points, and an overview across users. Not for ingest keys.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/analytics").WithTags("Analytics").RequireAuthorization(Policies.Member);
        api.MapGet("/users/{userId}", GetUser).WithName("GetUserAnalytics")
            .WithSummary("A user's event distribution, error rate, hotspots, component usage and pain points (cached)");
        api.MapGet("/overview", GetOverview).WithName("GetAnalyticsOverview")
            .WithSummary("Top pain points across users, users affected, and events per type per day, for a window");
        return app;
    }

    public static async Task<Results<Ok<UserAnalytics>, ValidationProblem>> GetUser(
        string userId, string? sessionId, string? from, string? to, string? fresh, IUserAnalytics analytics, CancellationToken ct)
    {
        var validation = new Validation().Text(userId, "userId", Core.Events.ProductEventLimits.MaxIdLength)
            .Text(sessionId, "sessionId", Core.Events.ProductEventLimits.MaxIdLength, required: false);
        var window = AnalyticsParameters.Window(from, to, validation);
        var recompute = AnalyticsParameters.Fresh(fresh, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        return TypedResults.Ok(await analytics.GetAsync(userId, sessionId, window.From, window.To, recompute, ct));
    }

    public static async Task<Results<Ok<AnalyticsOverview>, ValidationProblem>> GetOverview(
        string? from, string? to, string? fresh, AnalyticsOverviewService overview, IOptions<AnalyticsOptions> options, TimeProvider time,
        CancellationToken ct)
    {
        var validation = new Validation();
        var window = AnalyticsParameters.Window(from, to, validation);
        var recompute = AnalyticsParameters.Fresh(fresh, validation);
        // Always a bounded window: by default the last 7 days, at most Analytics:OverviewMaxDays.
        var end = window.To ?? time.GetUtcNow().UtcDateTime;
        var start = window.From ?? end.AddDays(-Math.Min(7, options.Value.OverviewMaxDays));
        var maxDays = options.Value.OverviewMaxDays;
        validation
            .Require(!validation.IsValid || start < end, window.From is null ? "to" : "from", "must be before to (which defaults to now).")
            .Require(!validation.IsValid || end - start <= TimeSpan.FromDays(maxDays), "from",
                $"the window is at most {maxDays} days ({AnalyticsOptions.Section}:{nameof(AnalyticsOptions.OverviewMaxDays)}).");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        return TypedResults.Ok(await overview.GetAsync(start, end, recompute, ct));
    }
}
