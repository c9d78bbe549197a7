using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Buffering;

/// <summary>
/// One spill file being replayed. Its exclusive lock is held until every record read from it is settled; then the
/// file is removed. A replay cut short (the process stops first) keeps the file: the next start replays it again,
/// and records already stored by this run are then recognised as such.
/// </summary>
internal sealed class SpillReplay<T> : ISpillOrigin, IDisposable where T : BufferedWrite
{
    private readonly FileStream _file;
    private readonly WriteMetrics _metrics;
    private readonly string _records;
    private readonly ILogger _logger;
    // One for the reader until it has read the whole file, plus one per record not yet settled.
    private int _pending = 1;
    private int _stored;
    private int _alreadyStored;
    private int _rejected;
    private int _spilled;

    private SpillReplay(FileStream file, WriteMetrics metrics, string records, ILogger logger) =>
        (_file, Path, _metrics, _records, _logger) = (file, file.Name, metrics, records, logger);

    public string Path { get; }
    public int Unreadable { get; private set; }

    /// <summary>Null when another live process holds the file (it is still spilling, or replaying it).</summary>
    public static SpillReplay<T>? TryClaim(string path, WriteMetrics metrics, string records, ILogger logger)
    {
        try
        {
            return new SpillReplay<T>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None), metrics, records, logger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The records in the file; a torn last line (the process died mid-write) is counted and skipped.</summary>
    public async IAsyncEnumerable<T> ReadAsync(Func<T, bool> complete)
    {
        using var reader = new StreamReader(_file, leaveOpen: true);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            T? write = null;
            try
            {
                write = JsonSerializer.Deserialize<T>(line, SpillFile<T>.Json);
            }
            catch (JsonException)
            {
            }
            if (write is null || !complete(write))
            {
                Unreadable++;
            }
            else
            {
                Interlocked.Increment(ref _pending);
                yield return (T)write.From(this);
            }
        }
    }

    /// <summary>The reader has handed over every record.</summary>
    public void DoneReading() => Release(null);

    public void Release(WriteOutcome? outcome)
    {
        switch (outcome)
        {
            case WriteOutcome.Stored: Interlocked.Increment(ref _stored); break;
            case WriteOutcome.AlreadyStored: Interlocked.Increment(ref _alreadyStored); break;
            case WriteOutcome.Rejected: Interlocked.Increment(ref _rejected); break;
            case WriteOutcome.Spilled: Interlocked.Increment(ref _spilled); break;
        }
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            Finish();
        }
    }

    private void Finish()
    {
        Dispose();
        // Counted and logged before the file goes: whoever sees it gone sees the replay's figures too.
        _metrics.Replayed(_stored);
        _logger.LogInformation(
            "Replayed {Stored} {Records} from {Path} ({AlreadyStored} already stored, {Rejected} rejected, {Spilled} spilled again, {Unreadable} unreadable line(s)); removing the file",
            _stored, _records, Path, _alreadyStored, _rejected, _spilled, Unreadable);
        File.Delete(Path);
    }

    public void Dispose() => _file.Dispose();
}
