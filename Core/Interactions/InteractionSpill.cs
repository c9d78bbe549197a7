using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Core.Hosting;

namespace Platform.Core.Interactions;

/// <summary>
/// Where acknowledged records go when the database cannot take them before the process stops: one JSON-lines
/// file per process under &lt;data dir&gt;/spill, flushed to disk on every append, replayed at the next start.
/// The file stays open and exclusively locked while this process lives, so no other process replays it early.
/// </summary>
public sealed class InteractionSpill(IConfiguration configuration, InteractionMetrics metrics, TimeProvider time, ILogger<InteractionSpill> logger) : IDisposable
{
    public const string FolderName = "spill";
    public const string FilePattern = "interactions-*.jsonl";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly Lock _lock = new();
    private FileStream? _file;
    private string? _path;
    private bool _closed;
    private int _count;

    public string Folder { get; } = Path.Combine(PlatformPaths.DataDirectory(configuration), FolderName);

    /// <summary>Records spilled by this process so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Append(IReadOnlyCollection<InteractionWrite> writes)
    {
        if (writes.Count == 0)
        {
            return;
        }
        string path;
        lock (_lock)
        {
            var file = _file ?? Open();
            foreach (var write in writes)
            {
                file.Write(JsonSerializer.SerializeToUtf8Bytes(write, Json));
                file.WriteByte((byte)'\n');
            }
            // fsync: an acknowledged record must survive the machine stopping right after the process does.
            file.Flush(flushToDisk: true);
            path = file.Name;
            if (_closed)
            {
                // A request that finished after shutdown: append and let go, so no handle outlives the host.
                file.Dispose();
            }
            else
            {
                _file = file;
            }
        }
        Interlocked.Add(ref _count, writes.Count);
        foreach (var write in writes)
        {
            write.Settle(WriteOutcome.Spilled);
        }
        metrics.Spilled(writes.Count);
        logger.LogWarning("Spilled {Count} interaction(s) the database could not take to {Path}; they are replayed at the next start",
            writes.Count, path);
    }

    private FileStream Open()
    {
        if (_path is null)
        {
            Directory.CreateDirectory(Folder);
            _path = Path.Combine(Folder, $"interactions-{time.GetUtcNow():yyyyMMddTHHmmssfff}-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
        }
        return new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.None);
    }

    /// <summary>Closes the file; later appends reopen it only for as long as they write.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _closed = true;
            _file?.Dispose();
            _file = null;
        }
    }
}
