using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Core.Buffering;

namespace Platform.Core.Events;

/// <summary>The events' spill file: &lt;data dir&gt;/spill/events-*.jsonl, replayed at the next start.</summary>
public sealed class EventSpill(IConfiguration configuration, EventMetrics metrics, TimeProvider time, ILogger<EventSpill> logger)
    : SpillFile<EventWrite>(configuration, metrics, time, logger, "events", "event(s)")
{
    public const string FilePattern = "events-*.jsonl";
}
