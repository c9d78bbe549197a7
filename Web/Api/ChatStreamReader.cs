using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>
/// Reads the chat endpoint's server-sent events as they arrive (with .NET's <see cref="SseParser"/>), so each delta
/// can be shown at once: the body is never buffered whole.
/// </summary>
public static class ChatStreamReader
{
    /// <summary>"delta" events become text pieces; "done" ends the stream; "error" is thrown.</summary>
    public static async IAsyncEnumerable<ChatStreamUpdate> ReadUpdatesAsync(Stream body, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var events = SseParser.Create(body).EnumerateAsync(ct).GetAsyncEnumerator(ct);
        while (await NextAsync(events))
        {
            var sse = events.Current;
            switch (sse.EventType)
            {
                case "delta" when Parse<ApiChatDelta>(sse).Content is { Length: > 0 } text:
                    yield return new ChatStreamUpdate(text, null);
                    break;
                case "done":
                    yield return new ChatStreamUpdate(null, Parse<ApiChatResponse>(sse));
                    yield break;
                case "error":
                    var problem = Parse<ApiProblem>(sse);
                    throw new PlatformApiException(
                        problem.Detail is { Length: > 0 } detail ? detail : problem.Title ?? "The answer failed mid-stream.",
                        problem.Status is { } status ? (System.Net.HttpStatusCode)status : null);
            }
        }

        throw new PlatformApiException("The answer stream ended before it was complete.");
    }

    private static async Task<bool> NextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        try
        {
            return await events.MoveNextAsync();
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new PlatformApiException($"The answer stream broke off ({ex.Message}).", null, ex);
        }
    }

    private static T Parse<T>(SseItem<string> sse) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(sse.Data, PlatformApiClient.JsonOptions)
                   ?? throw new PlatformApiException($"The Api sent an empty '{sse.EventType}' event.");
        }
        catch (JsonException ex)
        {
            throw new PlatformApiException($"The Api sent an unreadable '{sse.EventType}' event.", null, ex);
        }
    }
}
