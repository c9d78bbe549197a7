using System.Text.Json.Nodes;
using Platform.Core.Interactions;
using Platform.Core.Jobs;

namespace Platform.Api.Jobs;

/// <summary>type, promptVersion, metadata and requiredVariables (names that must be in context) label the output's record.</summary>
public sealed record EnqueueJobRequest(
    string Template, string? Model = null, JsonObject? Context = null, OutputFormat Format = OutputFormat.Text,
    JobPriority Priority = JobPriority.Default, int MaxAttempts = 5, DateTimeOffset? RunAt = null, string? IdempotencyKey = null,
    string? Type = null, string? PromptVersion = null, Dictionary<string, string>? Metadata = null, IReadOnlyList<string>? RequiredVariables = null)
{
    public InteractionLabels Labels => new(Type, PromptVersion, Metadata, RequiredVariables);
}

public sealed record EnqueuedJobResponse(Guid JobId, Guid? OutputId, string Status, DateTime EstimatedCompletion);

public sealed record JobTimestamps(DateTime CreatedAt, DateTime RunAt, DateTime? StartedAt, DateTime? CompletedAt, DateTime? NextAttemptAt);

/// <summary>
/// A job. In lists <see cref="Template"/> is a preview of at most Limits:PreviewChars characters;
/// <see cref="TemplateLength"/> is the full template's length (Unicode characters) either way.
/// </summary>
public sealed record JobResponse(
    Guid Id, string Kind, string Status, JobPriority Priority, int Progress, int Attempts, int MaxAttempts,
    string? Template, int? TemplateLength, string? Model, JsonObject? Result, Guid? OutputId, Guid? UserId, string? Error,
    JobTimestamps Timestamps)
{
    public static JobResponse From(Job job)
    {
        var template = JobPayloadFields.Template(job);
        // Code points, as the list's length (counted by the database) is.
        return From(job, template, template?.EnumerateRunes().Count(), JobPayloadFields.Model(job));
    }

    /// <summary><paramref name="job"/> may lack its payload (a list reads template and model from the output row).</summary>
    public static JobResponse From(Job job, string? template, int? templateLength, string? model) => new(
        job.Id, job.Kind, job.Status, job.Priority, job.Progress, job.Attempts, job.MaxAttempts, template, templateLength, model,
        job.Status == JobStatus.Succeeded ? ResultOf(job) : null,
        job.OutputId, job.OwnerUserId, job.Error,
        new JobTimestamps(job.CreatedAt, job.RunAt, job.StartedAt, job.CompletedAt, job.Status == JobStatus.Queued ? job.NextAttemptAt : null));

    /// <summary>What the job's handler returned ({outputId} for LLM jobs, {contractId, version} for contract generations).</summary>
    private static JsonObject? ResultOf(Job job)
    {
        if (job.ResultJson is { } json)
        {
            try
            {
                return JsonNode.Parse(json) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
        return job.OutputId is { } output ? new JsonObject { ["outputId"] = output } : null;
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
