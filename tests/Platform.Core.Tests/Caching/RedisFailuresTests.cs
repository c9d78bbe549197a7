using Platform.Core.Caching;
using StackExchange.Redis;

namespace Platform.Core.Tests.Caching;

/// <summary>
/// Which failures mean "Redis is unavailable, go on without it": StackExchange.Redis can end an async command that
/// outlived its timeout as cancelled (seen as 500s under load before), which is not the caller cancelling.
/// </summary>
public sealed class RedisFailuresTests
{
    [Fact]
    public void A_cancellation_nobody_asked_for_is_an_unavailable_redis()
    {
        Assert.True(RedisFailures.IsUnavailable(new TaskCanceledException(), CancellationToken.None));
        Assert.True(RedisFailures.IsUnavailable(new RedisTimeoutException("slow", CommandStatus.Sent), CancellationToken.None));
        Assert.True(RedisFailures.IsUnavailable(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down"), CancellationToken.None));
    }

    [Fact]
    public void The_callers_own_cancellation_and_other_errors_are_not()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.False(RedisFailures.IsUnavailable(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.False(RedisFailures.IsUnavailable(new InvalidOperationException("a bug"), CancellationToken.None));
    }
}
