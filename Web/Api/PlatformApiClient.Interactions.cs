using System.Globalization;

namespace Platform.Web.Api;

/// <summary>Interactions: the log, one record and its feedback, metrics, failures, data quality and the export.</summary>
public sealed partial class PlatformApiClient
{
    /// <summary>The named HttpClient for exports: a large export streams for minutes, past the default timeouts.</summary>
    public const string ExportClientName = "platform-api-export";

    public Task<ApiPage<ApiInteractionSummary>> GetInteractionsAsync(InteractionQuery filter, int limit, string? cursor, CancellationToken ct = default) =>
        SendJsonAsync<ApiPage<ApiInteractionSummary>>(HttpMethod.Get, InteractionQuery.WithQuery("api/interactions",
            filter.ApiParameters().Append(("limit", limit.ToString(CultureInfo.InvariantCulture))).Append(("cursor", cursor))), null, ct);

    public Task<ApiInteraction> GetInteractionAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiInteraction>(HttpMethod.Get, $"api/interactions/{id}", null, ct);

    /// <summary>An invalid field is answered 400 naming it (<see cref="PlatformApiException.Errors"/>).</summary>
    public Task<ApiInteraction> SetInteractionFeedbackAsync(Guid id, ApiInteractionFeedbackRequest feedback, CancellationToken ct = default) =>
        SendJsonAsync<ApiInteraction>(HttpMethod.Post, $"api/interactions/{id}/feedback", feedback, ct);

    /// <param name="bucket">hour or day.</param>
    public Task<ApiInteractionMetrics> GetInteractionMetricsAsync(InteractionQuery filter, string bucket, CancellationToken ct = default) =>
        SendJsonAsync<ApiInteractionMetrics>(HttpMethod.Get, InteractionQuery.WithQuery("api/interactions/metrics",
            filter.ApiParameters().Append(("bucket", bucket))), null, ct);

    public Task<List<ApiInteractionFailure>> GetInteractionFailuresAsync(int limit, CancellationToken ct = default) =>
        SendJsonAsync<List<ApiInteractionFailure>>(HttpMethod.Get, $"api/interactions/failures?limit={limit}", null, ct);

    public Task<ApiDataQualityIssues> GetDataQualityIssuesAsync(int limit, CancellationToken ct = default) =>
        SendJsonAsync<ApiDataQualityIssues>(HttpMethod.Get, $"api/interactions/data-quality-issues?limit={limit}", null, ct);

    /// <summary>
    /// Starts the Api's export and returns once its headers arrived; the caller streams the body and disposes the response.
    /// Takes the key explicitly: it runs in a plain endpoint, where the Blazor auth state is not set.
    /// </summary>
    /// <param name="format">csv or json.</param>
    public Task<HttpResponseMessage> OpenInteractionExportAsync(string apiKey, InteractionQuery filter, string format, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, InteractionQuery.WithQuery("api/interactions/export",
            filter.ApiParameters().Append(("format", format))));
        return SendOwnedAsync(clients.CreateClient(ExportClientName), request, apiKey, ct);
    }

    private static async Task<HttpResponseMessage> SendOwnedAsync(HttpClient client, HttpRequestMessage request, string apiKey, CancellationToken ct)
    {
        using (request)
        {
            return await SendAsync(client, request, apiKey, ct);
        }
    }
}
