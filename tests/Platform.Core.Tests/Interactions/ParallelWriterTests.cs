using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Tests.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Interactions;

/// <summary>
/// Several batches written at once (Interactions:Buffer:Writers): inserts in any order, but an update of a record
/// never reaches the database before the batch holding its insert. PostgreSQL only: SQLite has one writer.
/// </summary>
public sealed class ParallelWriterTests(PostgresServer server) : IDisposable
{
    private const int Records = 60;
    private readonly TempDirectory _directory = new("writers");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Updates_queued_after_their_inserts_are_applied_after_them_by_parallel_writers()
    {
        var database = await TestDatabases.PostgresAsync(server);
        // One record per batch and four writers: every insert and its update are in different batches, written side by side.
        await using var host = await WriterHost.CreateAsync(database.ConnectionString, _directory.Path, new Dictionary<string, string?>
        {
            ["Interactions:Buffer:BatchSize"] = "1",
            ["Interactions:Buffer:Writers"] = "4",
        });
        var records = Enumerable.Range(0, Records).Select(i => new Interaction
        {
            Type = "chat", Status = InteractionStatus.Pending, MessagesJson = "[]", Response = $"pending {i}",
        }).ToList();
        foreach (var record in records)
        {
            await host.Buffer.AddAsync(new InteractionWrite(record), Ct);
            var done = Clone(record);
            done.Status = InteractionStatus.Completed;
            done.Response = $"done {record.Response![8..]}";
            await host.Buffer.AddAsync(new InteractionWrite(done, IsUpdate: true), Ct);
        }
        await host.StartAsync();

        var ids = records.Select(r => r.Id).ToList();
        await using var db = TestDatabases.Context(database);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.Interactions.CountAsync(i => ids.Contains(i.Id) && i.Status == InteractionStatus.Completed, Ct) < Records
               && host.Counter("platform.interactions.rejected") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the updates were not all applied within 60 s");
            await Task.Delay(50, Ct);
        }
        Assert.Equal(0, host.Counter("platform.interactions.rejected"));
        var stored = await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(Ct);
        Assert.All(stored, s => Assert.Equal($"done {records.Single(r => r.Id == s.Id).Response![8..]}", s.Response));
    }

    private static Interaction Clone(Interaction record) => new()
    {
        Id = record.Id, Type = record.Type, Status = record.Status, MessagesJson = record.MessagesJson, Response = record.Response,
        CreatedAt = record.CreatedAt,
    };

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
