using Microsoft.AspNetCore.Http;

namespace Platform.Testing.FakeLlm;

/// <summary>What differs between the OpenAI and Anthropic wire formats: auth, errors, reply shape.</summary>
internal abstract class FakeDialect
{
    public abstract bool IsAuthorized(HttpRequest request, string apiKey);

    /// <summary>The response header carrying the provider's request id (SDKs expose it on their exceptions).</summary>
    public abstract string RequestIdHeader { get; }

    /// <summary>Null when the request is acceptable, else the 400 message.</summary>
    public abstract string? Validate(FakeLlmRequest request);

    public abstract Task WriteCompletionAsync(HttpContext http, FakeLlmRequest request, FakeCompletion completion);

    /// <summary>Opens the event stream and sends the content chunks, stopping as a stream fault says.</summary>
    public abstract Task WriteStreamAsync(HttpContext http, FakeLlmRequest request, FakeCompletion completion, FakeFault? fault);

    protected abstract object ErrorBody(int status, string? message);

    /// <summary>The error event sent inside a stream by <see cref="FakeFault.StreamError"/>.</summary>
    protected abstract Task WriteStreamErrorAsync(HttpContext http, string? message);

    public Task WriteErrorAsync(HttpContext http, int status, string? message = null, int? retryAfterSeconds = null)
    {
        http.Response.Headers[RequestIdHeader] = FakeHttp.NewId("req_");
        if (retryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return FakeHttp.WriteJsonAsync(http, status, ErrorBody(status, message));
    }

    /// <summary>
    /// Sends the chunks one event each. Returns false when a fault ended the stream early, in which case
    /// the caller must send nothing more.
    /// </summary>
    protected async Task<bool> WriteChunksAsync(
        HttpContext http, FakeCompletion completion, FakeFault? fault, Func<string, Task> writeChunk)
    {
        for (var i = 0; i <= completion.Chunks.Count; i++)
        {
            switch (fault)
            {
                case FakeCutStreamFault cut when i == Math.Min(cut.AfterChunks, completion.Chunks.Count):
                    await FakeHttp.CutConnectionAsync(http).ConfigureAwait(false);
                    return false;
                case FakeEndStreamFault end when i == Math.Min(end.AfterChunks, completion.Chunks.Count):
                    return false;
                case FakeStreamErrorFault error when i == Math.Min(error.AfterChunks, completion.Chunks.Count):
                    await WriteStreamErrorAsync(http, error.Message).ConfigureAwait(false);
                    return false;
            }

            if (i == completion.Chunks.Count)
            {
                return true;
            }

            if (fault is FakeSlowStreamFault slow)
            {
                await Task.Delay(slow.BetweenChunks, http.RequestAborted).ConfigureAwait(false);
            }

            await writeChunk(completion.Chunks[i]).ConfigureAwait(false);
        }

        return true;
    }
}
