using System.Text.Json.Nodes;
using Platform.Core.Interactions;

namespace Platform.Core.Jobs.Llm;

/// <summary>A validated request for an LLM job. <see cref="Model"/> is already resolved (the default model filled in).</summary>
public sealed record LlmJobRequest(
    string Template, string Model, JsonObject? Context, OutputFormat Format, JobPriority Priority, int MaxAttempts,
    DateTime? RunAt, string? IdempotencyKey, Guid? OwnerUserId, Guid? ParentId = null)
{
    /// <summary>Type (default job), prompt version, metadata and required variables of the output's record.</summary>
    public InteractionLabels? Labels { get; init; }
}

/// <summary>The job as stored; <see cref="Created"/> is false when an earlier job with the same idempotency key was returned.</summary>
public sealed record EnqueuedJob(Job Job, bool Created, DateTime EstimatedCompletion);
