namespace Platform.Core.Interactions;

/// <summary>
/// The one record of an LLM generation, sync or async (Langfuse's "generation", the job system's "output").
/// Text-heavy fields hold JSON documents as strings so both providers store them the same way.
/// </summary>
public sealed class Interaction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Type { get; set; }
    public required string Status { get; set; }

    /// <summary>Where the call came from: api, openai (the /v1 surface), job, playground.</summary>
    public string? Source { get; set; }

    public string? MessagesJson { get; set; }
    public string? RenderedPrompt { get; set; }
    public string? InputVariablesJson { get; set; }
    public string? Response { get; set; }
    public string? StructuredOutputJson { get; set; }
    public string? FinishReason { get; set; }
    public string? ErrorType { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary>What helps diagnose a failure beyond its message: the provider's status and error body, or the exception with its stack.</summary>
    public string? ErrorDetails { get; set; }

    public string? ModelRequested { get; set; }
    public string? Model { get; set; }
    public string? Provider { get; set; }
    public string? PromptVersion { get; set; }

    public int? InputTokens { get; set; }
    public int? CachedInputTokens { get; set; }
    public int? OutputTokens { get; set; }
    public int? TotalTokens { get; set; }
    /// <summary>Estimated USD; a double so that SQLite can sum and compare it (it has no decimal type).</summary>
    public double? CostUsd { get; set; }
    public double? LatencyMs { get; set; }
    public double? TimeToFirstTokenMs { get; set; }
    public bool CacheHit { get; set; }
    public bool Streamed { get; set; }
    public int Attempts { get; set; }

    /// <summary>The thumbs rating (thumbs_up | thumbs_down), shared by the outputs and the interactions feedback endpoints.</summary>
    public string? Feedback { get; set; }
    /// <summary>accepted | rejected | modified; null is no_feedback.</summary>
    public string? Verdict { get; set; }
    public string? FeedbackComment { get; set; }
    public DateTime? FeedbackAt { get; set; }
    public double? QualityScore { get; set; }
    public int? EditDistance { get; set; }
    /// <summary>JSON array of the variables that were required or used by the template but absent; null or "[]" when all were present.</summary>
    public string? MissingVariablesJson { get; set; }
    public string? MetadataJson { get; set; }

    public Guid? OwnerUserId { get; set; }
    public string? EndUserId { get; set; }
    public string? SessionId { get; set; }
    public string? TraceId { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>Job outputs: the job that produces this row, its template, format (text|json|markdown|html) and sanitized HTML.</summary>
    public Guid? JobId { get; set; }
    public string? Template { get; set; }
    public string? OutputFormat { get; set; }
    public string? RenderedHtml { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? CompletedAt { get; set; }
}

public static class InteractionStatus
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

public static class InteractionTypes
{
    public const string Chat = "chat";
    public const string Job = "job";
}

public static class InteractionVerdicts
{
    public const string None = "no_feedback";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Modified = "modified";

    public static readonly IReadOnlyList<string> All = [Accepted, Rejected, Modified];
}
