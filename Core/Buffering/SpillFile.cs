using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Core.Hosting;

namespace Platform.Core.Buffering;

/// <summary>
/// Where acknowledged records go when the database cannot take them before the process stops: one JSON-lines
/// file per process under &lt;data dir&gt;/spill, named &lt;prefix&gt;-&lt;time&gt;-&lt;pid&gt;-&lt;id&gt;.jsonl, flushed to disk on
/// every append, replayed at the next start. The file stays open and exclusively locked while this process lives,
/// so no other process replays it early.
/// </summary>
public abstract class SpillFile<T>(
    IConfiguration configuration, WriteMetrics metrics, TimeProvider time, ILogger logger, string prefix, string records) : IDisposable
    where T : BufferedWrite
{
    public const string FolderName = "spill";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly Lock _lock = new();
    private FileStream? _file;
    private string? _path;
    private bool _closed;
    private int _count;

    public string Folder { get; } = Path.Combine(PlatformPaths.DataDirectory(configuration), FolderName);

    /// <summary>The files of this record kind, this process's and earlier ones'.</summary>
    public string Pattern => prefix + "-*.jsonl";

    /// <summary>"interaction(s)", "event(s)": how logs name the records.</summary>
    public string Records => records;

    internal WriteMetrics Metrics => metrics;

    /// <summary>Records spilled by this process so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Append(IReadOnlyCollection<T> writes)
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
        logger.LogWarning("Spilled {Count} {Records} the database could not take to {Path}; they are replayed at the next start",
            writes.Count, records, path);
    }

    private FileStream Open()
    {
        if (_path is null)
        {
            Directory.CreateDirectory(Folder);
            _path = Path.Combine(Folder, $"{prefix}-{time.GetUtcNow():yyyyMMddTHHmmssfff}-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
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
        GC.SuppressFinalize(this);
    }
}
