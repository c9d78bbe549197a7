using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

internal static class TestJobs
{
    // Every property set, so that a column the migration forgot or typed wrongly shows up as a difference.
    public static Job FullJob(Guid owner, DateTime created) => new()
    {
        Kind = "llm",
        Priority = JobPriority.Low,
        Status = JobStatus.Running,
        Attempts = 2,
        MaxAttempts = 7,
        RunAt = created.AddMinutes(1),
        NextAttemptAt = created.AddMinutes(2),
        LeaseOwner = "worker-1",
        LeaseExpiresAt = created.AddMinutes(3),
        Progress = 40,
        PayloadJson = "{\"template\":\"t\"}",
        ResultJson = "{\"r\":1}",
        Error = "boom",
        OutputId = Guid.CreateVersion7(),
        OwnerUserId = owner,
        IdempotencyKey = "key-1",
        CancelRequested = true,
        CreatedAt = created,
        StartedAt = created.AddSeconds(61),
        CompletedAt = created.AddMinutes(4),
        UpdatedAt = created.AddMinutes(5),
    };
}
