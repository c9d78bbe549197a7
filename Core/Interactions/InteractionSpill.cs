using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Core.Buffering;

namespace Platform.Core.Interactions;

/// <summary>The interactions' spill file: &lt;data dir&gt;/spill/interactions-*.jsonl.</summary>
public sealed class InteractionSpill(IConfiguration configuration, InteractionMetrics metrics, TimeProvider time, ILogger<InteractionSpill> logger)
    : SpillFile<InteractionWrite>(configuration, metrics, time, logger, "interactions", "interaction(s)")
{
    public const string FilePattern = "interactions-*.jsonl";
}
