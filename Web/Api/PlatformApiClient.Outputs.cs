using System.Globalization;
namespace Platform.Web.Api;

/// <summary>Outputs of jobs: list, detail, feedback, re-run and regenerate.</summary>
public sealed partial class PlatformApiClient
{
    public Task<ApiPage<ApiOutputSummary>> GetOutputsAsync(OutputQuery query, CancellationToken ct = default) =>
        SendJsonAsync<ApiPage<ApiOutputSummary>>(HttpMethod.Get, WithQuery("api/outputs",
            ("status", query.Status), ("format", query.Format), ("feedback", query.Feedback),
            ("limit", query.Limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", query.Cursor)), null, ct);

    public Task<ApiOutput> GetOutputAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiOutput>(HttpMethod.Get, $"api/outputs/{id}", null, ct);

    public Task<ApiOutput> SetFeedbackAsync(Guid id, ApiFeedbackRequest feedback, CancellationToken ct = default) =>
        SendJsonAsync<ApiOutput>(HttpMethod.Post, $"api/outputs/{id}/feedback", feedback, ct);

    /// <summary>The same template, context and model again, as a new output whose parent is this one.</summary>
    public Task<ApiJobAccepted> RerunOutputAsync(Guid id, CancellationToken ct = default) =>
        SendJsonAsync<ApiJobAccepted>(HttpMethod.Post, $"api/outputs/{id}/rerun", null, ct);

    public Task<ApiJobAccepted> RegenerateOutputAsync(Guid id, ApiRegenerateRequest request, CancellationToken ct = default) =>
        SendJsonAsync<ApiJobAccepted>(HttpMethod.Post, $"api/outputs/{id}/regenerate", request, ct);
}
