namespace Platform.Core.Hosting;

/// <summary>
/// Lets one caller through per interval, across threads: during an outage every request meets the same failure,
/// and one log line per interval says as much as thousands.
/// </summary>
public sealed class Throttle(TimeSpan interval)
{
    private readonly long _intervalMilliseconds = (long)interval.TotalMilliseconds;
    private long _last = long.MinValue;

    public bool TryEnter()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _last);
        return now - last >= _intervalMilliseconds && Interlocked.CompareExchange(ref _last, now, last) == last;
    }
}
