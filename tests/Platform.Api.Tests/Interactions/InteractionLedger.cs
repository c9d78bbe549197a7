using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Interactions;

namespace Platform.Api.Tests.Interactions;

/// <summary>
/// What the Api acknowledged (every interactionId it answered 200 with) against what the database and the spill
/// folder hold, read straight from storage so it works after the Api has stopped.
/// </summary>
internal sealed class InteractionLedger(string connectionString, string dataDirectory)
{
    private readonly ConcurrentBag<Guid> _acknowledged = [];
    private int _sent;

    public IReadOnlyCollection<Guid> Acknowledged => _acknowledged;
    public int Sent => Volatile.Read(ref _sent);

    public static object Ask(string text) =>
        new { messages = new[] { new { role = "user", content = text } }, useCache = false };

    /// <summary>One chat call; true when acknowledged. A refused or failed call is fine: nothing was promised.</summary>
    public async Task<bool> ChatAsync(HttpClient client, string text)
    {
        Interlocked.Increment(ref _sent);
        try
        {
            using var response = await client.PostAsJsonAsync("/api/llm/chat", Ask(text), CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
            _acknowledged.Add(body.GetProperty("interactionId").GetGuid());
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    /// <summary>How many acknowledged interactions the database holds.</summary>
    public async Task<int> StoredCountAsync()
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        StorageExtensions.Configure(options, DatabaseSelector.Select(connectionString, dataDirectory));
        await using var db = new PlatformDbContext(options.Options);
        var ids = _acknowledged.ToList();
        var found = 0;
        // Chunks keep the IN list within SQLite's parameter limit.
        foreach (var chunk in ids.Chunk(500))
        {
            found += await db.Interactions.CountAsync(i => chunk.Contains(i.Id));
        }
        return found;
    }

    public string SpillFolder => Path.Combine(dataDirectory, InteractionSpill.FolderName);

    /// <summary>How many acknowledged interactions the spill folder holds.</summary>
    public int SpilledCount()
    {
        var acknowledged = _acknowledged.ToHashSet();
        return SpilledIds().Count(acknowledged.Contains);
    }

    /// <summary>Spill files not yet replayed (counted, not opened: the replaying Api holds them locked).</summary>
    public int SpillFilesLeft() => Directory.Exists(SpillFolder) ? Directory.GetFiles(SpillFolder, InteractionSpill.FilePattern).Length : 0;

    /// <summary>Every record in the spill folder, acknowledged or not (a call cut off by the stop may still be recorded).</summary>
    public IReadOnlyList<Guid> SpilledIds() => Directory.Exists(SpillFolder)
        ? Directory.GetFiles(SpillFolder, InteractionSpill.FilePattern)
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Interaction").GetProperty("Id").GetGuid())
            .ToList()
        : [];

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not reached within 90 s: {what}");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    public void Report(string label, int foundAfterStop, int spilled, int replayed) =>
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"[figures] {label}: sent {Sent}, acknowledged {_acknowledged.Count}, found after stop {foundAfterStop}, spilled {spilled}, replayed {replayed}");
}
