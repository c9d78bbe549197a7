using Platform.Core.Jobs;

namespace Platform.Core.Contracts;

/// <summary>Queues a generation for the Worker. Its status, progress and result ({contractId, version}) are the job's.</summary>
public sealed class ContractJobService(JobStore jobs)
{
    /// <summary>Few attempts: the fallbacks make a generation succeed unless storage fails, and that is worth a retry or two.</summary>
    public const int MaxAttempts = 3;

    public Task<Job> EnqueueAsync(ContractJobPayload payload, Guid ownerUserId, CancellationToken ct) =>
        jobs.EnqueueAsync(new Job
        {
            Kind = ContractJobPayload.Kind, PayloadJson = payload.ToJson(), OwnerUserId = ownerUserId, MaxAttempts = MaxAttempts,
        }, output: null, ct);
}
