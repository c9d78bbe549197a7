namespace Platform.Core.Jobs;

/// <summary>How a worker processes jobs (section <c>Jobs</c>). Durations are whole seconds or milliseconds.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Jobs one worker process runs at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How long a claim holds without a heartbeat; a dead worker's job is claimed again after this.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often a running job's lease is renewed (and a cancel request noticed).</summary>
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>Polling when the queue looked busy; it doubles up to <see cref="IdlePollMilliseconds"/> while idle.</summary>
    public int BusyPollMilliseconds { get; set; } = 5;
    public int IdlePollMilliseconds { get; set; } = 1000;

    /// <summary>Retry backoff: min(base * 2^attempt * U(0.5, 1.5), cap).</summary>
    public double RetryBaseSeconds { get; set; } = Backoff.Base.TotalSeconds;
    public double RetryCapSeconds { get; set; } = Backoff.Cap.TotalSeconds;

    /// <summary>On stop, running jobs get this long to finish before they are released for another worker.</summary>
    public int ShutdownGraceSeconds { get; set; } = 20;

    /// <summary>How often abandoned jobs on their last attempt are swept to failed.</summary>
    public int SweepSeconds { get; set; } = 15;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSeconds);

    /// <summary>Null when valid, else the message naming the setting.</summary>
    public string? Problem() =>
        Concurrency < 1 ? $"{Section}:Concurrency must be at least 1."
        : LeaseSeconds < 2 ? $"{Section}:LeaseSeconds must be at least 2."
        : HeartbeatSeconds < 1 || HeartbeatSeconds >= LeaseSeconds ? $"{Section}:HeartbeatSeconds must be at least 1 and below LeaseSeconds."
        : BusyPollMilliseconds < 1 || IdlePollMilliseconds < BusyPollMilliseconds ? $"{Section}:IdlePollMilliseconds must be at least BusyPollMilliseconds (>= 1)."
        : RetryBaseSeconds <= 0 || RetryCapSeconds < RetryBaseSeconds ? $"{Section}:RetryCapSeconds must be at least RetryBaseSeconds (> 0)."
        : ShutdownGraceSeconds < 0 ? $"{Section}:ShutdownGraceSeconds must not be negative."
        : SweepSeconds < 1 ? $"{Section}:SweepSeconds must be at least 1."
        : null;
}
