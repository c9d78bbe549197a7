using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;

namespace Platform.Core.Jobs.Processing;

/// <summary>
/// The claim loop's one round trip: writes the successes that finished since the last one and claims up to
/// <c>max</c> due jobs, atomically (on an exception neither was applied). Folding the completion write into the claim
/// halves the commits (fsyncs) a busy worker pays per job.
/// </summary>
internal abstract class JobQueueSession : IAsyncDisposable
{
    public abstract Task<(IReadOnlySet<Guid> Completed, IReadOnlyList<Job> Claimed)> CompleteAndClaimAsync(
        IReadOnlyList<(Guid JobId, string? ResultJson)> done, int max, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static JobQueueSession For(DatabaseInfo database, IServiceScopeFactory scopes, TimeProvider time, string workerId, TimeSpan lease)
    {
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            return new StoreJobQueueSession(scopes, workerId, lease);
        }
        // The model outlives the scope: EF builds it once per context type and shares it.
        using var scope = scopes.CreateScope();
        var rows = new JobRows(scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Model);
        return new PostgresJobQueueSession(database.ConnectionString, rows, time, workerId, lease);
    }
}

/// <summary>SQLite: both through <see cref="JobStore"/> in one local transaction (one commit).</summary>
internal sealed class StoreJobQueueSession(IServiceScopeFactory scopes, string workerId, TimeSpan lease) : JobQueueSession
{
    public override async Task<(IReadOnlySet<Guid> Completed, IReadOnlyList<Job> Claimed)> CompleteAndClaimAsync(
        IReadOnlyList<(Guid JobId, string? ResultJson)> done, int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<JobStore>();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var completed = await store.CompleteManyAsync(workerId, done, cancellationToken);
        IReadOnlyList<Job> claimed = max > 0 ? await store.ClaimAsync(workerId, max, lease, cancellationToken) : [];
        // Not cancellable: once the statements ran, their jobs are started and their completions reported.
        await transaction.CommitAsync(CancellationToken.None);
        return (completed, claimed);
    }
}
