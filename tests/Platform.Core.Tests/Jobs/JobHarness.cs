using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Tests.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Jobs;

/// <summary>A migrated database of either provider, a clock the test moves, and a fresh DbContext per store call.</summary>
internal sealed class JobHarness
{
    public static readonly DateTime Start = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private JobHarness(DatabaseInfo database) => Database = database;

    public DatabaseInfo Database { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Start));
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<JobHarness> CreateAsync(string provider, PostgresServer postgres, TempDirectory directory)
    {
        var database = provider == "postgres" ? await TestDatabases.PostgresAsync(postgres) : TestDatabases.Sqlite(directory);
        await MigrationTests.MigrateAsync(database);
        return new JobHarness(database);
    }

    public async Task<T> Run<T>(Func<JobStore, Task<T>> action)
    {
        await using var db = TestDatabases.Context(Database);
        return await action(new JobStore(db, Database, Clock));
    }

    public async Task<Job> EnqueueAsync(JobPriority priority = JobPriority.Default, DateTime? runAt = null) =>
        await Run(store => store.EnqueueAsync(NewJob(priority, runAt), cancellationToken: TestContext.Current.CancellationToken));

    public async Task<IReadOnlyList<Job>> ClaimAsync(string worker, int max = 10, int leaseSeconds = 30) =>
        await Run(store => store.ClaimAsync(worker, max, TimeSpan.FromSeconds(leaseSeconds), TestContext.Current.CancellationToken));

    public async Task<Job> LoadAsync(Guid id)
    {
        await using var db = TestDatabases.Context(Database);
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, TestContext.Current.CancellationToken);
    }

    public static Job NewJob(JobPriority priority = JobPriority.Default, DateTime? runAt = null) => new()
    {
        Kind = "llm",
        Priority = priority,
        RunAt = runAt ?? default,
        PayloadJson = """{"template":"Hi {{name}}","context":{"name":"Ann"},"format":"text"}""",
    };
}
