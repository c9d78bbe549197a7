namespace Platform.Core.Jobs;

/// <summary>
/// One unit of background work. Its output (for LLM jobs) is an interactions row, <see cref="OutputId"/>.
/// State changes after the insert go through <see cref="JobStore"/>, guarded by the lease, never by SaveChanges.
/// </summary>
public sealed class Job
{
    private JobPriority _priority = JobPriority.Default;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }

    public JobPriority Priority
    {
        get => _priority;
        set
        {
            _priority = value;
            PriorityRank = (int)value;
        }
    }

    /// <summary>Claim order (0 high, 1 default, 2 low), kept with <see cref="Priority"/> so one index serves claiming.</summary>
    public int PriorityRank { get; private set; } = (int)JobPriority.Default;

    public string Status { get; set; } = JobStatus.Queued;

    /// <summary>Claims so far: +1 at each claim (an expired lease reclaimed counts too), -1 on a graceful release.</summary>
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Due time (UTC). A scheduled retry moves it to <see cref="NextAttemptAt"/>.</summary>
    public DateTime RunAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    public int Progress { get; set; }

    /// <summary>What to run (template, model, context, format, ...), as JSON.</summary>
    public string PayloadJson { get; set; } = "{}";
    public string? ResultJson { get; set; }
    public string? Error { get; set; }

    public Guid? OutputId { get; set; }
    public Guid? OwnerUserId { get; set; }
    public string? IdempotencyKey { get; set; }
    public bool CancelRequested { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
