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
}
