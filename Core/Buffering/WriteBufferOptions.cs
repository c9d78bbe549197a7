using Platform.Core.Data;

namespace Platform.Core.Buffering;

/// <summary>The sizes of a write buffer; each buffered record kind binds its own section.</summary>
public abstract class WriteBufferOptions
{
    /// <summary>Records held in memory waiting for the writer; beyond it, callers wait and then get 503.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>Most records per INSERT batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a request waits for buffer space before it is refused.</summary>
    public int EnqueueWaitMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// Batches written at once on PostgreSQL, each on its own connection: while one waits for its commit (the WAL
    /// flush), the next one's COPY is on its way. 0 (the default) is 2 there; SQLite always has one writer.
    /// </summary>
    public int Writers { get; set; }

    /// <summary>Each writer is a thread and a connection of its own.</summary>
    public const int MaxWriters = 16;

    public bool WritersValid => Writers is >= 0 and <= MaxWriters;

    /// <summary>SQLite takes one writer at a time, so a second would only wait for its lock.</summary>
    public int WritersFor(DatabaseProvider provider) =>
        provider != DatabaseProvider.PostgreSql ? 1 : Writers > 0 ? Writers : 2;
}
