using System.Text.Json;

namespace Platform.Api.Tests.Gateway;

/// <summary>Reads a server-sent events body into (event name, data) pairs, in order.</summary>
internal static class SseReader
{
    public static async Task<List<(string? Event, string Data)>> ReadAllAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var events = new List<(string?, string)>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        string? name = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name, line["data: ".Length..]));
                name = null;
            }
        }
        return events;
    }

    public static JsonElement Json(string data) => JsonDocument.Parse(data).RootElement.Clone();
}
