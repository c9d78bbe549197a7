using Platform.Core.Buffering;

namespace Platform.Core.Events;

/// <summary>The "Events" section: who may send events from a browser, and how big a request may be.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>Origins allowed to call the ingestion endpoints from a browser (CORS); "*" allows any.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>The largest POST /api/events or /log_event body: room for a full batch of ordinary events.</summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;
}

/// <summary>
/// "Events:Buffer": more room than interactions, since events arrive in batches of hundreds. Large write batches:
/// a transaction rewrites every index page it touches (the per-user indexes take rows all over), so on SQLite 10,000
/// rows per transaction cost about half as much per row as 2,000.
/// </summary>
public sealed class EventBufferOptions : WriteBufferOptions
{
    public const string Section = "Events:Buffer";

    public EventBufferOptions()
    {
        Capacity = 50_000;
        BatchSize = 10_000;
    }
}
