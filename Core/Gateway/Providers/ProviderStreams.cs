using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Providers;

/// <summary>
/// Guards a provider's stream: failures become <see cref="ProviderException"/>s, and a stream that stops
/// without a finish reason is an interruption, never a silently short answer.
/// </summary>
internal static class ProviderStreams
{
    public static async IAsyncEnumerable<ChatResponseUpdate> Guard(
        string provider, Func<CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> open,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<ChatResponseUpdate> updates;
        try
        {
            updates = open(cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception error) when (ProviderErrors.Translate(provider, error, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        var started = false;
        var finished = false;
        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                // A body read that breaks (IOException) means the answer had begun even if no update reached us yet:
                // how much arrived before a reset is down to TCP timing, so the kind must not depend on it.
                catch (Exception error) when (
                    ProviderErrors.Translate(provider, error, cancellationToken, started || error is IOException) is { } mapped)
                {
                    throw mapped;
                }

                started = true;
                finished |= updates.Current.FinishReason is not null;
                yield return updates.Current;
            }
        }

        if (!finished)
        {
            throw ProviderErrors.Interrupted(provider, null);
        }
    }
}
