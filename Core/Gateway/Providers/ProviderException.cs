namespace Platform.Core.Gateway.Providers;

/// <summary>What went wrong at a provider, in terms the gateway acts on (retry or not, which HTTP answer).</summary>
public enum ProviderErrorKind
{
    /// <summary>The provider refused our credentials (401/403): our configuration, not the caller's request.</summary>
    Authentication,

    /// <summary>The provider rejected the request itself (other 4xx): the caller must change it.</summary>
    InvalidRequest,

    /// <summary>429: retry after a while.</summary>
    RateLimited,

    /// <summary>408 or 5xx: retry.</summary>
    Transient,

    /// <summary>No answer within the per-attempt timeout: retry.</summary>
    Timeout,

    /// <summary>Could not connect, or the connection broke: retry.</summary>
    Connection,

    /// <summary>A streamed answer ended before it was complete: recorded as a failure, never as a success.</summary>
    StreamInterrupted,

    /// <summary>The provider's circuit breaker is open: fail fast, try a fallback.</summary>
    CircuitOpen,
}

public sealed class ProviderException(
    string provider, ProviderErrorKind kind, string message, int? statusCode = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Provider { get; } = provider;
    public ProviderErrorKind Kind { get; } = kind;

    /// <summary>The provider's HTTP status, when there was one.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>The provider's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsTransient => Kind is ProviderErrorKind.RateLimited or ProviderErrorKind.Transient
        or ProviderErrorKind.Timeout or ProviderErrorKind.Connection;

    /// <summary>Maps an HTTP status from a provider to a kind.</summary>
    public static ProviderErrorKind KindFor(int status) => status switch
    {
        401 or 403 => ProviderErrorKind.Authentication,
        408 => ProviderErrorKind.Transient,
        429 => ProviderErrorKind.RateLimited,
        >= 500 => ProviderErrorKind.Transient,
        _ => ProviderErrorKind.InvalidRequest,
    };
}
