using System.Globalization;

namespace Platform.Web.Api;

/// <summary>Background jobs: stats, list, detail, cancel and retry.</summary>
public sealed partial class PlatformApiClient
{
    public Task<ApiJobStats> GetJobStatsAsync(CancellationToken ct = default) =>
        SendJsonAsync<ApiJobStats>(HttpMethod.Get, "api/jobs/stats", null, ct);

    public Task<ApiPage<ApiJob>> GetJobsAsync(JobQuery query, CancellationToken ct = default) =>
        SendJsonAsync<ApiPage<ApiJob>>(HttpMethod.Get, WithQuery("api/jobs",
            ("status", query.Status), ("priority", query.Priority), ("limit", query.Limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", query.Cursor)), null, ct);

    public Task<ApiJob> GetJobAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiJob>(HttpMethod.Get, $"api/jobs/{id}", null, ct);

    /// <summary>A finished job is answered 409.</summary>
    public Task<ApiJob> CancelJobAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiJob>(HttpMethod.Post, $"api/jobs/{id}/cancel", null, ct);

    /// <summary>Only failed and cancelled jobs can be retried; others are answered 409.</summary>
    public Task<ApiJob> RetryJobAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiJob>(HttpMethod.Post, $"api/jobs/{id}/retry", null, ct);

    /// <summary>Empty filters are left out: the Api reads "status=" as a status named "".</summary>
    private static string WithQuery(string path, params (string Name, string? Value)[] parameters) =>
        InteractionQuery.WithQuery(path, parameters);
}
