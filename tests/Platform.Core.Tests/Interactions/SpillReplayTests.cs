using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Tests.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Interactions;

/// <summary>
/// A spill file left by an earlier run is stored at start and removed, even when an interrupted replay had
/// already stored part of it or its last line was torn by a crash.
/// </summary>
public sealed class SpillReplayTests : IDisposable
{
    private readonly TempDirectory _directory = new("replay");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_spill_file_is_stored_at_start_skipping_records_already_there_and_a_torn_line_then_removed()
    {
        var database = TestDatabases.Sqlite(_directory);
        await using var host = await WriterHost.CreateAsync(database.ConnectionString, _directory.Path);
        var records = Enumerable.Range(0, 5).Select(i => new Interaction { Type = "chat", Status = InteractionStatus.Completed, Response = $"spilled {i}" }).ToList();
        await using (var db = TestDatabases.Context(database))
        {
            await BulkInsert.InsertAsync(db, [records[0], records[1]], Ct);
        }
        var folder = Directory.CreateDirectory(Path.Combine(_directory.Path, InteractionSpill.FolderName)).FullName;
        var file = Path.Combine(folder, "interactions-20260101T000000000-1-test.jsonl");
        var lines = records.Select(r => JsonSerializer.Serialize(new InteractionWrite(r))).ToList();
        await File.WriteAllTextAsync(file, string.Join("\n", lines) + "\n" + lines[^1][..20], Ct);

        await host.StartAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); File.Exists(file); await Task.Delay(50, Ct))
        {
            Assert.True(DateTime.UtcNow < deadline, "the spill file was not replayed within 60 s");
        }

        await using (var db = TestDatabases.Context(database))
        {
            var ids = records.Select(r => r.Id).ToList();
            Assert.Equal(records.Count, await db.Interactions.CountAsync(i => ids.Contains(i.Id), Ct));
        }
        Assert.Equal(3, host.Counter("platform.interactions.replayed"));
        Assert.Equal(0, host.Counter("platform.interactions.rejected"));
        Assert.Contains(host.Logs, r => r.Message.Contains("Replayed 3 interaction(s)", StringComparison.Ordinal)
            && r.Message.Contains("2 already stored", StringComparison.Ordinal) && r.Message.Contains("1 unreadable line(s)", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();
}
