namespace Platform.Core.Jobs;

/// <summary>Exponential backoff with jitter: min(5 s * 2^attempt * U(0.5, 1.5), 300 s).</summary>
public static class Backoff
{
    public static readonly TimeSpan Base = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(300);

    /// <summary>
    /// The wait before the next attempt. <paramref name="attempt"/> is zero-based: the index of the attempt that just
    /// failed, i.e. failed attempts so far minus one (<see cref="Job.Attempts"/> - 1 after a claim). So the first retry
    /// waits about 5 s, the second about 10 s, the seventh and later at most 300 s.
    /// </summary>
    public static TimeSpan Delay(int attempt, Random random) => Delay(attempt, random, Base, Cap);

    /// <summary>The same schedule with another base and cap (configurable per worker: <see cref="JobOptions"/>).</summary>
    public static TimeSpan Delay(int attempt, Random random, TimeSpan baseDelay, TimeSpan cap)
    {
        var jitter = 0.5 + random.NextDouble();
        // Math.Pow grows to infinity rather than overflowing, and the cap bounds it.
        var seconds = baseDelay.TotalSeconds * Math.Pow(2, Math.Max(attempt, 0)) * jitter;
        return TimeSpan.FromSeconds(Math.Min(seconds, cap.TotalSeconds));
    }

    /// <summary>When a job that just failed should run again, or null when that was its last attempt.</summary>
    public static DateTime? RetryAt(Job job, DateTime now, Random random) => RetryAt(job, now, random, Base, Cap);

    public static DateTime? RetryAt(Job job, DateTime now, Random random, TimeSpan baseDelay, TimeSpan cap) =>
        job.Attempts >= job.MaxAttempts ? null : now + Delay(job.Attempts - 1, random, baseDelay, cap);
}
