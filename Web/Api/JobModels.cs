namespace Platform.Web.Api;

// The job system's JSON contracts (/api/jobs), as Web reads them.

public sealed record ApiJob(
    Guid Id,
    string Kind,
    string Status,
    string Priority,
    int Progress,
    int Attempts,
    int MaxAttempts,
    string? Template,
    string? Model,
    ApiJobResult? Result,
    Guid? OutputId,
    string? Error,
    ApiJobTimestamps Timestamps);

/// <summary>A prompt job's output, or a contract generation's stored version (<paramref name="ContractId"/>, <paramref name="Version"/>).</summary>
public sealed record ApiJobResult(Guid? OutputId, Guid? ContractId = null, string? Version = null);

public sealed record ApiJobTimestamps(
    DateTimeOffset CreatedAt,
    DateTimeOffset RunAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? NextAttemptAt);

/// <summary>What enqueueing (a job, a re-run, a regeneration) answers.</summary>
public sealed record ApiJobAccepted(Guid JobId, Guid? OutputId, string Status, DateTimeOffset? EstimatedCompletion);

/// <summary>Counts are read as dictionaries so a status the Api adds later still shows up.</summary>
public sealed record ApiJobStats(
    IReadOnlyDictionary<string, long> ByStatus,
    IReadOnlyDictionary<string, long> ByPriority,
    double CompletedPerMinute,
    ApiLatency QueueLatencyMs);

public sealed record ApiLatency(double? P50, double? P95);

/// <summary>A page of a cursor-paged list; no <paramref name="NextCursor"/> means it was the last.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>GET /api/jobs filters; nulls are left out of the query.</summary>
public sealed record JobQuery(string? Status = null, string? Priority = null, int? Limit = null, string? Cursor = null);
