using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Platform.Api.Tests.Gateway;

/// <summary>Reads a server-sent events body into (event type, data) pairs, in order; unnamed events are "message".</summary>
internal static class SseReader
{
    public static async Task<List<(string Event, string Data)>> ReadAllAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var events = new List<(string, string)>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(ct)).EnumerateAsync(ct))
        {
            events.Add((item.EventType, item.Data));
        }
        return events;
    }

    public static JsonElement Json(string data) => JsonDocument.Parse(data).RootElement.Clone();
}
