using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Limits;

namespace Platform.Core.Jobs.Llm;

/// <summary>Queues LLM jobs with their pending output row, and derives re-runs and regenerations from an existing output.</summary>
public sealed class LlmJobService(
    JobStore jobs, PlatformDbContext db, TimeProvider time, IOptions<LimitOptions> limits, ILogger<LlmJobService> logger)
{
    /// <summary>Used for the completion estimate until some jobs have finished.</summary>
    private static readonly TimeSpan DefaultRunTime = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="LimitExceededException"/> when the template, the context or the prompt they render to is over its cap.</summary>
    public async Task<EnqueuedJob> EnqueueAsync(LlmJobRequest request, CancellationToken cancellationToken)
    {
        var rendered = Render(request);
        var now = time.GetUtcNow().UtcDateTime;
        var payload = new LlmJobPayload { Template = request.Template, Model = request.Model, Context = request.Context, Format = request.Format };
        var job = new Job
        {
            Kind = LlmJobPayload.Kind, Priority = request.Priority, MaxAttempts = request.MaxAttempts,
            RunAt = request.RunAt is { } at && at > now ? at : now, PayloadJson = payload.ToJson(),
            OwnerUserId = request.OwnerUserId, IdempotencyKey = request.IdempotencyKey,
        };
        // Stored now, not by the worker: the output shows its prompt and missing variables while it waits.
        var output = new Interaction
        {
            RenderedPrompt = rendered.Prompt, MissingVariablesJson = InteractionLabels.MissingJson(Missing(request, rendered)),
            PromptVersion = request.Labels?.PromptVersion, MetadataJson = request.Labels?.MetadataJson,
            MessagesJson = JsonSerializer.Serialize(new[] { new { role = "user", content = rendered.Prompt } }),
            Type = request.Labels?.Type ?? InteractionTypes.Job, Status = InteractionStatus.Pending, Source = "job", JobId = job.Id,
            Template = request.Template, OutputFormat = LlmJobPayload.FormatName(request.Format),
            InputVariablesJson = request.Context?.ToJsonString(), ModelRequested = request.Model,
            OwnerUserId = request.OwnerUserId, ParentId = request.ParentId, CreatedAt = now,
        };
        var saved = await jobs.EnqueueAsync(job, output, cancellationToken);
        logger.LogInformation(
            "Job {job_id} {job_event} (output_id {output_id}, template {template}, model {model}, user_id {user_id}, priority {priority}, parent_id {parent_id})",
            saved.Id, saved.Id == job.Id ? "enqueued" : "matched an earlier job by idempotency key", saved.OutputId, request.Template,
            request.Model, request.OwnerUserId, request.Priority, request.ParentId);
        return new EnqueuedJob(saved, saved.Id == job.Id, await EstimateAsync(saved, cancellationToken));
    }

    /// <summary>What the template lacked, and the required variables absent from the context (null or empty there).</summary>
    private static IReadOnlyList<string> Missing(LlmJobRequest request, RenderedTemplate rendered) =>
        request.Labels is { } labels
            ? labels.Missing(v => request.Context?[v] is { } value && value.ToString() is { Length: > 0 }, rendered.MissingVariables)
            : rendered.MissingVariables;

    /// <summary>Checked here, not only at the edge: a regeneration's merged context and its prompt are only known here.</summary>
    private RenderedTemplate Render(LlmJobRequest request)
    {
        var caps = limits.Value;
        if (JobInputLimits.TemplateProblem(request.Template, caps) is { } template)
        {
            throw new LimitExceededException("template", template);
        }
        if (JobInputLimits.ContextProblem(request.Context, caps) is { } context)
        {
            throw new LimitExceededException("context", context);
        }
        return TemplateRenderer.Render(request.Template, request.Context, caps.MaxPromptChars)
            ?? throw new LimitExceededException("template", JobInputLimits.PromptProblem(caps));
    }

    /// <summary>
    /// A new job for an existing output: identical parameters (re-run), or with the context merged and the model
    /// replaced (regenerate). The new output's parent is the original. Null when the output has no LLM job behind it.
    /// </summary>
    public async Task<EnqueuedJob?> DeriveAsync(
        Interaction original, JsonObject? contextOverrides, string? model, Guid? ownerUserId, CancellationToken cancellationToken)
    {
        var job = original.JobId is { } jobId ? await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken) : null;
        if (job is null || LlmJobPayload.Parse(job.PayloadJson) is not { } payload)
        {
            return null;
        }
        var request = new LlmJobRequest(
            payload.Template, model ?? payload.Model ?? original.ModelRequested ?? "", JsonMerge.Merge(payload.Context, contextOverrides),
            payload.Format, job.Priority, job.MaxAttempts, RunAt: null, IdempotencyKey: null, ownerUserId ?? job.OwnerUserId, original.Id)
        {
            // Required variables are not kept on the job, so a derived output is judged by its template alone.
            Labels = new InteractionLabels(original.Type, original.PromptVersion, MetadataOf(original)),
        };
        return await EnqueueAsync(request, cancellationToken);
    }

    /// <summary>
    /// Called when a user is deleted: their queued jobs are cancelled and those outputs marked failed, running ones
    /// stop at their next heartbeat. Returns how many queued jobs were cancelled.
    /// </summary>
    public async Task<int> CancelOwnedAsync(Guid ownerUserId, CancellationToken cancellationToken)
    {
        const string reason = "The job's owner was deleted.";
        var cancelled = await jobs.CancelOwnedAsync(ownerUserId, reason, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Interactions
            .Where(i => i.JobId != null && i.OwnerUserId == ownerUserId && i.Status == InteractionStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InteractionStatus.Failed).SetProperty(i => i.ErrorType, "cancelled")
                .SetProperty(i => i.ErrorMessage, reason).SetProperty(i => i.CompletedAt, now), cancellationToken);
        logger.LogInformation("Jobs of deleted user {user_id}: {count} queued cancelled, running ones asked to stop", ownerUserId, cancelled);
        return cancelled;
    }

    /// <summary>Due time plus the median run time of recent successes: a hint for clients, not a promise.</summary>
    public async Task<DateTime> EstimateAsync(Job job, CancellationToken cancellationToken)
    {
        var recent = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Succeeded && j.StartedAt != null && j.CompletedAt != null)
            .OrderByDescending(j => j.CreatedAt).Take(20)
            .Select(j => new { j.StartedAt, j.CompletedAt })
            .ToListAsync(cancellationToken);
        var durations = recent.Select(j => j.CompletedAt!.Value - j.StartedAt!.Value).Order().ToList();
        var typical = durations.Count == 0 ? DefaultRunTime : durations[durations.Count / 2];
        var start = job.RunAt > time.GetUtcNow().UtcDateTime ? job.RunAt : time.GetUtcNow().UtcDateTime;
        return start + typical;
    }

    private static Dictionary<string, string>? MetadataOf(Interaction output) =>
        output.MetadataJson is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) : null;

    public static JsonObject? ContextOf(Interaction output) =>
        output.InputVariablesJson is { } json ? JsonNode.Parse(json)?.AsObject() : null;

    public static IReadOnlyList<string> MissingVariables(Interaction output) =>
        output.MissingVariablesJson is { } json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
}
