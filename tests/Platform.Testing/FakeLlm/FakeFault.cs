namespace Platform.Testing.FakeLlm;

/// <summary>A scripted misbehaviour for one request (or every request, see <see cref="FakeLlmServer.Always"/>).</summary>
public abstract record FakeFault
{
    /// <summary>Answers with this status and the provider's error body; 429 and 5xx may carry Retry-After.</summary>
    public static FakeFault Status(int statusCode, string? message = null, int? retryAfterSeconds = null) =>
        new FakeStatusFault(statusCode, message, retryAfterSeconds);

    /// <summary>
    /// Waits before any response byte (time to first token, for a stream), then answers normally; gives up
    /// quietly if the client goes away first.
    /// </summary>
    public static FakeFault Delay(TimeSpan delay) => new FakeDelayFault(delay);

    /// <summary>
    /// Sends this many content chunks, then drops the connection mid-body with no final chunk, [DONE] or
    /// message_stop: clients see every chunk sent, then an HttpIOException ("The response ended prematurely").
    /// A non-streaming request loses its connection before any response. Takes about 100 ms longer than a reply.
    /// </summary>
    public static FakeFault CutStream(int afterChunks) => new FakeCutStreamFault(afterChunks);

    /// <summary>
    /// Sends this many content chunks, then ends the response cleanly (a proxy closing early): no final
    /// chunk, [DONE] or message_stop, but no connection error either. A non-streaming request gets an empty 200.
    /// </summary>
    public static FakeFault EndStream(int afterChunks) => new FakeEndStreamFault(afterChunks);

    /// <summary>
    /// Sends this many content chunks, then an in-stream error event (Anthropic's "event: error",
    /// OpenAI's "data: {error}") and ends the response cleanly. A non-streaming request gets a 500.
    /// </summary>
    public static FakeFault StreamError(int afterChunks, string? message = null) =>
        new FakeStreamErrorFault(afterChunks, message);

    /// <summary>
    /// Streams normally but waits before each content chunk, to exercise idle timeouts and mid-stream
    /// cancellation. A non-streaming request is answered at once.
    /// </summary>
    public static FakeFault SlowStream(TimeSpan betweenChunks) => new FakeSlowStreamFault(betweenChunks);
}

public sealed record FakeStatusFault(int StatusCode, string? Message, int? RetryAfterSeconds) : FakeFault;

public sealed record FakeDelayFault(TimeSpan Duration) : FakeFault;

public sealed record FakeCutStreamFault(int AfterChunks) : FakeFault;

public sealed record FakeEndStreamFault(int AfterChunks) : FakeFault;

public sealed record FakeStreamErrorFault(int AfterChunks, string? Message) : FakeFault;

public sealed record FakeSlowStreamFault(TimeSpan BetweenChunks) : FakeFault;
