using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Auth;
using Platform.Core.Caching;
using Platform.Core.Data;
using Platform.ServiceDefaults;

namespace Platform.Api.Apis;

public sealed record StatusResponse(
    string Version, string Environment, string DatabaseProvider, string CacheBackend, DateTime StartedAt, double UptimeSeconds);

public static class StatusApi
{
    private static readonly DateTime StartedAt = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/status", GetStatus).WithTags("Status").RequireAuthorization(Policies.Ingest)
            .WithName("GetStatus").WithSummary("Version, database provider and cache backend of this Api");
        return app;
    }

    public static Ok<StatusResponse> GetStatus(DatabaseInfo database, CacheBackend cache, IHostEnvironment environment) =>
        TypedResults.Ok(new StatusResponse(
            ServiceInfo.Version,
            environment.EnvironmentName,
            database.ProviderName,
            cache.Name,
            StartedAt,
            Math.Round((DateTime.UtcNow - StartedAt).TotalSeconds, 1)));
}
