using Microsoft.Extensions.AI;
using Platform.Core.Gateway;

namespace Platform.Api.Gateway;

/// <summary>
/// A gateway stream opened up to its first update, so a failure before any chunk is still an ordinary problem answer
/// with its real HTTP status; what fails after it is kept in <see cref="Failure"/> for the stream's own error event.
/// </summary>
internal sealed class GatewayStream
{
    private readonly IAsyncEnumerator<ChatResponseUpdate> _updates;
    private readonly bool _any;
    private readonly HttpContext _http;

    private GatewayStream(IAsyncEnumerator<ChatResponseUpdate> updates, bool any, HttpContext http) =>
        (_updates, _any, _http) = (updates, any, http);

    /// <summary>Every update read so far.</summary>
    public List<ChatResponseUpdate> Received { get; } = [];

    /// <summary>Why the stream stopped early, or null when it ended cleanly.</summary>
    public GatewayProblem? Failure { get; private set; }

    /// <summary>Waits for the first update (throwing what the gateway threw), then sets the gateway headers.</summary>
    public static async Task<GatewayStream> OpenAsync(
        IChatClient client, IEnumerable<ChatMessage> messages, ChatOptions options, GatewayContext context, HttpContext http)
    {
        var updates = client.GetStreamingResponseAsync(messages, options, http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);
        bool any;
        try
        {
            any = await updates.MoveNextAsync();
        }
        catch
        {
            await updates.DisposeAsync();
            throw;
        }

        http.Response.WriteGatewayHeaders(context.Cached, context.OverheadMs);
        // Proxies such as nginx would otherwise buffer the whole answer.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return new GatewayStream(updates, any, http);
    }

    /// <summary>The updates, the first included; a failure ends them quietly and is kept in <see cref="Failure"/>.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> ReadAllAsync()
    {
        await using var updates = _updates;
        var more = _any;
        while (more)
        {
            Received.Add(updates.Current);
            yield return updates.Current;
            try
            {
                more = await updates.MoveNextAsync();
            }
            // When the caller went away there is no one to tell.
            catch (Exception ex) when (!_http.RequestAborted.IsCancellationRequested)
            {
                Failure = GatewayProblem.From(ex);
                if (Failure is null)
                {
                    _http.RequestServices.GetRequiredService<ILogger<GatewayStream>>().LogError(ex, "Chat stream failed");
                    Failure = new GatewayProblem(500, "Internal error", "The stream failed unexpectedly.");
                }

                yield break;
            }
        }
    }
}
