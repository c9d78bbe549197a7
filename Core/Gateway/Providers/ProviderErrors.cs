using System.ClientModel;
using System.Net.Sockets;
using Anthropic.Exceptions;

namespace Platform.Core.Gateway.Providers;

/// <summary>Turns what an SDK or the network threw into a <see cref="ProviderException"/> the gateway can act on.</summary>
internal static class ProviderErrors
{
    /// <summary>
    /// The mapped exception, or null when the original must be rethrown as is (the caller's own cancellation,
    /// or something that is not a provider failure, such as an argument error).
    /// </summary>
    /// <param name="midStream">True once part of a streamed answer has been handed out: any failure then is an interrupted stream.</param>
    public static ProviderException? Translate(string provider, Exception error, CancellationToken callerToken, bool midStream = false)
    {
        if (error is OperationCanceledException && callerToken.IsCancellationRequested)
        {
            return null;
        }

        if (error is ProviderException mapped)
        {
            return midStream && mapped.Kind != ProviderErrorKind.StreamInterrupted
                ? Interrupted(provider, mapped)
                : mapped;
        }

        if (midStream && IsProviderFailure(error))
        {
            return Interrupted(provider, error);
        }

        return error switch
        {
            ClientResultException { Status: > 0 } e => FromOpenAI(provider, e),
            AnthropicApiException e => FromStatus(provider, (int)e.StatusCode, e.ApiMessage ?? e.Message, null, e),
            AnthropicSseException e => Interrupted(provider, e),
            OperationCanceledException e => new ProviderException(
                provider, ProviderErrorKind.Timeout, $"{provider} did not answer in time.", inner: e),
            _ when IsConnectionFailure(error) => new ProviderException(
                provider, ProviderErrorKind.Connection, $"Could not reach {provider}: {error.Message}", inner: error),
            _ => null,
        };
    }

    public static ProviderException FromStatus(string provider, int status, string message, TimeSpan? retryAfter, Exception? inner) =>
        new(provider, ProviderException.KindFor(status), message, status, retryAfter, inner);

    public static ProviderException Interrupted(string provider, Exception? inner) =>
        new(provider, ProviderErrorKind.StreamInterrupted,
            inner is null
                ? $"The stream from {provider} ended before the provider said it was complete."
                : $"The stream from {provider} broke before it was complete: {inner.Message}",
            (inner as ProviderException)?.StatusCode, inner: inner);

    private static ProviderException FromOpenAI(string provider, ClientResultException error)
    {
        var response = error.GetRawResponse();
        string? body = null;
        TimeSpan? retryAfter = null;
        if (response is not null)
        {
            try
            {
                body = response.Content.ToString();
            }
            catch (InvalidOperationException)
            {
                // The content was not buffered; the status alone has to do.
            }

            response.Headers.TryGetValue("retry-after-ms", out var ms);
            response.Headers.TryGetValue("Retry-After", out var seconds);
            retryAfter = RetryAfter.Parse(ms, seconds);
        }

        return FromStatus(provider, error.Status, ProviderErrorBody.Message(body, error.Message), retryAfter, error);
    }

    private static bool IsProviderFailure(Exception error) =>
        error is ClientResultException or AnthropicException or OperationCanceledException || IsConnectionFailure(error);

    private static bool IsConnectionFailure(Exception error) => error switch
    {
        HttpRequestException or IOException or SocketException or AnthropicIOException => true,
        ClientResultException { Status: 0 } => true,
        _ => false,
    };
}
