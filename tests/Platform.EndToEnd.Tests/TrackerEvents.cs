using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests;

/// <summary>Reads a user's product events back through GET /api/events, waiting until the ones a test expects arrived.</summary>
internal static class TrackerEvents
{
    // tracker.js sends every 2 s; a busy machine may take longer to store them: the wait ends as soon as they are there.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static async Task<List<JsonObject>> WaitAsync(HttpClient api, string userId, Func<IReadOnlyList<JsonObject>, bool> arrived, CancellationToken ct)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var page = await api.GetFromJsonAsync<JsonObject>($"api/events?userId={Uri.EscapeDataString(userId)}&limit=500", ct);
            var events = page!["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
            if (arrived(events))
            {
                return events;
            }
            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException(
                    $"The expected events of {userId} did not arrive; stored: {string.Join(", ", events.Select(Describe))}");
            }
            await Task.Delay(250, ct);
        }
    }

    public static string? Text(this JsonObject e, string field) => (string?)e[field];

    public static bool Is(this JsonObject e, string eventType, string? componentId = null) =>
        e.Text("eventType") == eventType && (componentId is null || e.Text("componentId") == componentId);

    private static string Describe(JsonObject e) => $"{e.Text("eventType")}({e.Text("componentId")} {e.Text("page")})";
}
