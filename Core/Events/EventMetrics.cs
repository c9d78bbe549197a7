using System.Diagnostics.Metrics;
using Platform.Core.Buffering;

namespace Platform.Core.Events;

/// <summary>The event writer's counters, on the "Platform.Events" meter (platform.events.rejected, .retries, .spilled, .replayed).</summary>
public sealed class EventMetrics(IMeterFactory meters) : WriteMetrics(meters, MeterName, "platform.events")
{
    public const string MeterName = "Platform.Events";
}
