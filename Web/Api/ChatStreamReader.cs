using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>A server-sent event: its name ("message" when the server gave none) and its data lines joined by '\n'.</summary>
public sealed record SseEvent(string Name, string Data);

/// <summary>
/// Reads the chat endpoint's server-sent events line by line as they arrive, so each delta can be shown at once:
/// the body is never buffered whole.
/// </summary>
public static class ChatStreamReader
{
    /// <summary>"delta" events become text pieces; "done" ends the stream; "error" is thrown.</summary>
    public static async IAsyncEnumerable<ChatStreamUpdate> ReadUpdatesAsync(Stream body, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var sse in ReadEventsAsync(body, ct))
        {
            switch (sse.Name)
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

    /// <summary>The text/event-stream format (WHATWG HTML §9.2): fields per line, an empty line ends an event.</summary>
    public static async IAsyncEnumerable<SseEvent> ReadEventsAsync(Stream body, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        string? name = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await ReadLineAsync(reader, ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new SseEvent(name ?? "message", data.ToString());
                }
                (name, hasData) = (null, false);
                data.Clear();
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon == 0)
            {
                continue; // A comment, e.g. a keep-alive.
            }
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            if (field == "event")
            {
                name = value;
            }
            else if (field == "data")
            {
                data.Append(hasData ? "\n" : "").Append(value);
                hasData = true;
            }
        }
        // An event not ended by an empty line is incomplete and, as the format says, dropped.
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadLineAsync(ct);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new PlatformApiException($"The answer stream broke off ({ex.Message}).", null, ex);
        }
    }

    private static T Parse<T>(SseEvent sse) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(sse.Data, PlatformApiClient.JsonOptions)
                   ?? throw new PlatformApiException($"The Api sent an empty '{sse.Name}' event.");
        }
        catch (JsonException ex)
        {
            throw new PlatformApiException($"The Api sent an unreadable '{sse.Name}' event.", null, ex);
        }
    }
}
