using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Tests.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Interactions;

/// <summary>
/// The writer's SQLite insert (<see cref="BulkInsert"/>) binds values itself, by position: what it stores must be byte for
/// byte what EF stores for the same record (type and value of every column), or reads, filters and the rollup triggers
/// would see other data.
/// </summary>
public sealed class InteractionWriterColumnsTests : IDisposable
{
    private readonly TempDirectory _directory = new("sqlite-insert");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_writer_stores_every_column_as_EF_does()
    {
        var database = TestDatabases.Sqlite(_directory);
        await using var host = await WriterHost.CreateAsync(database.ConnectionString, _directory.Path);
        var pairs = new[] { (Full(), Full()), (Sparse(), Sparse()) };
        // 40 records: more than one multi-row statement, and a shorter last one.
        var batch = Enumerable.Range(0, 38).Select(_ => Sparse()).Append(pairs[0].Item1).Append(pairs[1].Item1).ToList();
        foreach (var record in batch)
        {
            await host.Buffer.AddAsync(new InteractionWrite(record), Ct);
        }
        await host.StartAsync();
        await using var db = TestDatabases.Context(database);
        db.Interactions.AddRange(pairs.Select(p => p.Item2));
        await db.SaveChangesAsync(Ct);
        var ids = batch.Select(r => r.Id).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await db.Interactions.CountAsync(i => ids.Contains(i.Id), Ct) < batch.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the writer did not store the batch within 60 s");
            await Task.Delay(50, Ct);
        }

        var columns = db.Model.FindEntityType(typeof(Interaction))!.GetProperties().Select(p => p.GetColumnName()).Where(c => c != "id").ToList();
        Assert.True(columns.Count > 40, "every mapped column is compared");
        foreach (var (written, saved) in pairs)
        {
            Assert.Equal(await StoredAsync(db, saved.Id, columns), await StoredAsync(db, written.Id, columns));
        }
        // The key too: EF's form (upper-case text) for both, or lookups by id would miss.
        foreach (var id in new[] { pairs[0].Item1.Id, pairs[0].Item2.Id })
        {
            Assert.Equal($"text:'{id.ToString().ToUpperInvariant()}'", await StoredIdAsync(db, id));
        }
    }

    /// <summary>Each column's storage class and SQL literal, so 1 and 1.0 or '1' differ.</summary>
    private static async Task<List<string>> StoredAsync(PlatformDbContext db, Guid id, List<string> columns)
    {
        var sql = $"SELECT {string.Join(" || '|' || ", columns.Select(c => $"'{c}=' || typeof(\"{c}\") || ':' || quote(\"{c}\")"))} AS \"Value\" " +
                  "FROM interactions WHERE id = {0}";
        var row = await db.Database.SqlQueryRaw<string>(sql, id).SingleAsync(Ct);
        return [.. row.Split('|')];
    }

    private static async Task<string> StoredIdAsync(PlatformDbContext db, Guid id) =>
        await db.Database.SqlQueryRaw<string>("SELECT typeof(id) || ':' || quote(id) AS \"Value\" FROM interactions WHERE id = {0}", id).SingleAsync(Ct);

    private static Interaction Full() => new()
    {
        Type = "chat", Status = InteractionStatus.Failed, Source = "api", MessagesJson = "[{\"role\":\"user\",\"content\":\"héllo 🌍\"}]",
        RenderedPrompt = "prompt 'quoted'", InputVariablesJson = "{\"a\":1}", Response = "partial", StructuredOutputJson = "{}", FinishReason = "length",
        ErrorType = "timeout", ErrorMessage = "provider timeout", ErrorDetails = "stack", ModelRequested = "m-asked", Model = "m-answered",
        Provider = "p", PromptVersion = "v2", InputTokens = 12, CachedInputTokens = 3, OutputTokens = 0, TotalTokens = 12, CostUsd = 0.000123,
        LatencyMs = 1234.5, TimeToFirstTokenMs = 100, CacheHit = true, Streamed = true, Attempts = 3, Feedback = "thumbs_up", Verdict = "modified",
        FeedbackComment = "ok", FeedbackAt = new DateTime(2026, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc).AddTicks(2345), QualityScore = 77,
        EditDistance = 5, MissingVariablesJson = "[\"tone\"]", MetadataJson = "{\"k\":\"v\"}", EndUserId = "u1", SessionId = "s1", TraceId = "t1",
        Template = "tpl", OutputFormat = "json", RenderedHtml = "<p>x</p>",
        CreatedAt = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc), CompletedAt = new DateTime(2026, 3, 4, 5, 6, 8, 500, DateTimeKind.Utc),
    };

    private static Interaction Sparse() => new()
    {
        Type = "job", Status = InteractionStatus.Pending, LatencyMs = 200, CreatedAt = new DateTime(2026, 3, 4, 0, 0, 0, DateTimeKind.Utc),
    };

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
