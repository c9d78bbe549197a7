using StackExchange.Redis;

namespace Platform.Core.Caching;

/// <summary>What an unreachable or too slow Redis looks like to a caller, as opposed to the caller's own cancellation.</summary>
public static class RedisFailures
{
    /// <summary>
    /// True for connection and server errors, timeouts, a disposed multiplexer, and a cancellation the caller did not
    /// ask for: StackExchange.Redis completes an async command that outlived its AsyncTimeout as cancelled.
    /// </summary>
    public static bool IsUnavailable(Exception error, CancellationToken callerToken) =>
        error is RedisException or TimeoutException or ObjectDisposedException
        || (error is OperationCanceledException && !callerToken.IsCancellationRequested);
}
