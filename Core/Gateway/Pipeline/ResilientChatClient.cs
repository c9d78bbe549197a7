using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Core.Gateway.Routing;
using Polly;
using Polly.CircuitBreaker;

namespace Platform.Core.Gateway.Pipeline;

/// <summary>
/// One provider's client behind the resilience pipeline of the model asked for (its deployment). Each attempt has its own timeout; for a stream the
/// timeout covers each wait for the next chunk, and only the wait for the first chunk is retried (chunks
/// already sent to the caller cannot be taken back).
/// </summary>
public sealed class ResilientChatClient(IChatClient inner, DeploymentSet deployments, TimeSpan attemptTimeout, string provider)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        return await ExecuteAsync(context, options, async token =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(attemptTimeout);
            try
            {
                return await base.GetResponseAsync(list, options, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !token.IsCancellationRequested)
            {
                throw TimedOut();
            }
        }, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = GatewayContext.Of(options);
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var opened = await ExecuteAsync(context, options, token => OpenStreamAsync(list, options, token), cancellationToken);
        await using var stream = opened;
        yield return stream.Enumerator.Current;
        while (await stream.MoveNextAsync(attemptTimeout, cancellationToken, TimedOut))
        {
            yield return stream.Enumerator.Current;
        }
    }

    private async Task<OpenStream> OpenStreamAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken token)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        var enumerator = base.GetStreamingResponseAsync(messages, options, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var stream = new OpenStream(enumerator, timeout);
        try
        {
            if (!await stream.MoveNextAsync(attemptTimeout, token, TimedOut))
            {
                throw new ProviderException(provider, ProviderErrorKind.StreamInterrupted, $"Provider '{provider}' ended the stream before sending anything.");
            }
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private async Task<T> ExecuteAsync<T>(
        GatewayContext context, ChatOptions? options, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var deployment = deployments.For(options?.ModelId ?? DeploymentSet.SharedModel);
        try
        {
            return await deployment.Pipeline.ExecuteAsync(async token =>
            {
                context.Attempts++;
                return await call(token);
            }, cancellationToken);
        }
        catch (BrokenCircuitException open) when (deployment.OpenedBy is { Kind: ProviderErrorKind.Timeout })
        {
            // Timeouts opened it: the caller still hears "timeout" (504), with when to come back.
            throw new ProviderException(provider, ProviderErrorKind.Timeout,
                $"Model '{deployment.Model}' on provider '{provider}' did not answer within {attemptTimeout.TotalSeconds:0.#} s; " +
                "its circuit is open and calls are refused until it closes.", retryAfter: open.RetryAfter, inner: open);
        }
        catch (BrokenCircuitException open)
        {
            throw new ProviderException(provider, ProviderErrorKind.CircuitOpen,
                $"Model '{deployment.Model}' on provider '{provider}' is failing and its circuit is open; calls are refused until it closes.",
                retryAfter: open.RetryAfter, inner: open);
        }
    }

    private ProviderException TimedOut() =>
        new(provider, ProviderErrorKind.Timeout, $"Provider '{provider}' did not answer within {attemptTimeout.TotalSeconds:0.#} s.");

    /// <summary>A provider stream with its timeout source; each wait for a chunk gets a fresh timeout.</summary>
    private sealed class OpenStream(IAsyncEnumerator<ChatResponseUpdate> enumerator, CancellationTokenSource timeout) : IAsyncDisposable
    {
        public IAsyncEnumerator<ChatResponseUpdate> Enumerator => enumerator;

        public async Task<bool> MoveNextAsync(TimeSpan limit, CancellationToken caller, Func<ProviderException> timedOut)
        {
            timeout.CancelAfter(limit);
            try
            {
                var moved = await enumerator.MoveNextAsync();
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                return moved;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !caller.IsCancellationRequested)
            {
                throw timedOut();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await enumerator.DisposeAsync();
            timeout.Dispose();
        }
    }
}
