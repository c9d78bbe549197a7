using System.Diagnostics.Metrics;
using Platform.Core.Buffering;

namespace Platform.Core.Interactions;

/// <summary>The interaction recorder's counters, on the "Platform.Interactions" meter.</summary>
public sealed class InteractionMetrics(IMeterFactory meters) : WriteMetrics(meters, MeterName, "platform.interactions")
{
    public const string MeterName = "Platform.Interactions";
}
