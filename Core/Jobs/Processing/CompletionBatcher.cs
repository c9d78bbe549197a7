using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Jobs.Processing;

/// <summary>
/// Writes a worker's successful outcomes in batches: one guarded UPDATE for whatever finished while the previous write
/// was in flight. An idle worker writes a lone completion at once; a busy one pays a round trip and a commit per batch
/// instead of per job (measured by bench `jobs`: that write was the largest per-job cost on PostgreSQL).
/// Each job still waits for its own write, so its slot stays taken until the outcome is stored.
/// </summary>
internal sealed class CompletionBatcher(IServiceScopeFactory scopes, string workerId)
{
    private const int MaxBatch = 100;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

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

    /// <summary>Writes until <see cref="Stop"/>, then what is left.</summary>
    public async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    public void Stop() => _pending.Writer.TryComplete();

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<JobStore>();
            var applied = await store.CompleteManyAsync(workerId, batch.Select(p => (p.JobId, p.ResultJson)).ToList());
            foreach (var pending in batch)
            {
                pending.Applied.TrySetResult(applied.Contains(pending.JobId));
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One at a time, so that whatever broke the batch fails only its own job.
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception e)
        {
            batch[0].Applied.TrySetException(e);
        }
    }

    private readonly record struct Pending(Guid JobId, string? ResultJson, TaskCompletionSource<bool> Applied);
}
