using System.Diagnostics;
using OpenTelemetry;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>Drops health probe spans: orchestrators poll every few seconds and would drown real traffic.</summary>
internal sealed class HealthPathFilterProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (data.GetTagItem("url.path") is string path
            && (path.StartsWith(Microsoft.Extensions.Hosting.Extensions.HealthPath, StringComparison.Ordinal)
                || path.StartsWith(Microsoft.Extensions.Hosting.Extensions.AlivePath, StringComparison.Ordinal)))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
