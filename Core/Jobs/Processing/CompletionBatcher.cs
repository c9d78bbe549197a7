using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Jobs.Processing;

/// <summary>
/// Collects a worker's successful outcomes. While the claim loop runs it takes them all into its next round trip
/// (<see cref="TakeAll"/>, then <see cref="Resolve"/>): a busy worker pays one commit per claim, not one per job (measured
/// by bench `jobs`: that write was the largest per-job cost on PostgreSQL). Once the loop stops, <see cref="RunAsync"/>
/// writes whatever the remaining jobs finish with, in batches of whatever finished while the previous write was in flight.
/// Each job waits for its own write, so its outcome is stored before its runner ends.
/// </summary>
internal sealed class CompletionBatcher(IServiceScopeFactory scopes, string workerId)
{
    private const int MaxBatch = 100;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>();

    /// <summary>True if applied, false if the lease was lost; throws if the write failed.</summary>
    public Task<bool> CompleteAsync(Guid jobId, string? resultJson)
    {
        var applied = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite(new Pending(jobId, resultJson, applied)))
        {
            throw new InvalidOperationException("The worker's completion writer has stopped.");
        }
        return applied.Task;
    }

    /// <summary>Everything waiting to be written (up to a batch), for the claim loop's round trip.</summary>
    public List<Pending> TakeAll()
    {
        var batch = new List<Pending>();
        while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
        {
            batch.Add(next);
        }
        return batch;
    }

    /// <summary>The round trip that took <paramref name="batch"/> applied <paramref name="applied"/>; the rest had lost their lease.</summary>
    public static void Resolve(List<Pending> batch, IReadOnlySet<Guid> applied)
    {
        foreach (var pending in batch)
        {
            pending.Applied.TrySetResult(applied.Contains(pending.JobId));
        }
    }

    /// <summary>The round trip that took <paramref name="batch"/> failed: each is written alone, so a bad one fails only its own job.</summary>
    public async Task WriteEachAsync(List<Pending> batch)
    {
        foreach (var pending in batch)
        {
            await WriteAsync([pending]);
        }
    }

    /// <summary>Writes until <see cref="Stop"/>, then what is left.</summary>
    public async Task RunAsync()
    {
        while (await _pending.Reader.WaitToReadAsync())
        {
            await WriteAsync(TakeAll());
        }
    }

    public void Stop() => _pending.Writer.TryComplete();

    private async Task WriteAsync(List<Pending> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<JobStore>();
            Resolve(batch, await store.CompleteManyAsync(workerId, batch.Select(p => (p.JobId, p.ResultJson)).ToList()));
        }
        catch (Exception) when (batch.Count > 1)
        {
            await WriteEachAsync(batch);
        }
        catch (Exception e)
        {
            batch[0].Applied.TrySetException(e);
        }
    }

    internal readonly record struct Pending(Guid JobId, string? ResultJson, TaskCompletionSource<bool> Applied);
}
