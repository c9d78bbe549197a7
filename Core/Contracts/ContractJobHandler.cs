using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Gateway;
using Platform.Core.Jobs;
using Platform.Core.Jobs.Processing;

namespace Platform.Core.Contracts;

/// <summary>
/// Runs a queued generation in the Worker: progress 10 analytics loaded, 40 model asked, 70 validated, 90 stored,
/// 100 done (by the runner); the result is {contractId, version}. The contract's own record is its interaction row.
/// </summary>
public sealed class ContractJobHandler : IJobHandler
{
    public string Kind => ContractJobPayload.Kind;

    public async Task<string?> RunAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        var job = execution.Job;
        var payload = ContractJobPayload.Parse(job.PayloadJson) ?? throw new PermanentJobException("The job's payload is not a contract generation.");
        await execution.EnsureOwnerExistsAsync(cancellationToken);
        var generator = execution.Services.GetRequiredService<ContractGenerator>();
        // Queued by an admin, so every stored contract of the user can be the base.
        var request = new ContractGeneration(payload.UserId, payload.BaseContract, payload.Version, payload.Model, job.OwnerUserId, Scope: null, Source: "job");
        try
        {
            var outcome = await generator.GenerateAsync(request, percent => execution.ReportProgressAsync(percent, cancellationToken), cancellationToken);
            return JsonSerializer.Serialize(new { contractId = outcome.Contract.Id, version = outcome.Contract.Version });
        }
        catch (Exception e) when (e is ContractBaseMissingException or GatewayException)
        {
            throw new PermanentJobException(e.Message, e);
        }
    }

    public Task OnEndedAsync(IServiceProvider services, Job job, JobEnd end, string? error, CancellationToken cancellationToken) => Task.CompletedTask;
}
