namespace Platform.Core.RateLimits;

/// <summary>
/// Fixed one-minute windows aligned on the UTC minute, named in the counter keys, so every replica counts into the
/// same key and an old window is simply never read again (its key expires).
/// </summary>
public readonly record struct UsageWindow(long Minute, TimeSpan ResetsIn)
{
    /// <summary>Long enough for a window's key to outlive its minute on a replica whose clock is a little behind.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    public static UsageWindow At(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeMilliseconds() / 1000.0;
        var minute = (long)Math.Floor(seconds / 60);
        return new(minute, TimeSpan.FromSeconds((minute + 1) * 60 - seconds));
    }

    public string Key(string owner, Guid id, string what) => $"platform:usage:{owner}:{id:N}:{what}:{Minute}";
}
