namespace Platform.Worker.Processing;

public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Pause between polls when the last poll found work.</summary>
    public TimeSpan BusyDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest pause between polls when there is nothing to do.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(1);
}
