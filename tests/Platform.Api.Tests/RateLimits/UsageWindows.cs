using Platform.Core.RateLimits;

namespace Platform.Api.Tests.RateLimits;

/// <summary>
/// Per-minute counters run in fixed UTC-minute windows: a test that counts waits for a window with at least
/// <see cref="Room"/> left, so its requests all land in one window, and checks at the end that they did.
/// </summary>
internal static class UsageWindows
{
    private static readonly TimeSpan Room = TimeSpan.FromSeconds(40);

    public static async Task<long> FreshAsync(CancellationToken ct)
    {
        while (UsageWindow.At(DateTimeOffset.UtcNow) is var window && window.ResetsIn < Room)
        {
            await Task.Delay(window.ResetsIn + TimeSpan.FromMilliseconds(20), ct);
        }
        return UsageWindow.At(DateTimeOffset.UtcNow).Minute;
    }

    public static void AssertStill(long minute) =>
        Assert.True(UsageWindow.At(DateTimeOffset.UtcNow).Minute == minute, "the test ran past the end of its one-minute window");
}
