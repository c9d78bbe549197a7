namespace Platform.Core.Jobs;

public enum LeaseRenewal
{
    /// <summary>The lease was extended; keep working.</summary>
    Renewed,

    /// <summary>The lease was extended, but a cancel was requested: stop, then call AcknowledgeCancelAsync.</summary>
    CancelRequested,

    /// <summary>Another worker holds the job now, or it is no longer running: stop and write nothing.</summary>
    Lost,
}
