using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests;

/// <summary>Waits on the Api's lists, for writes it acknowledges before it stores them (events, interactions).</summary>
public static class ApiLists
{
    /// <summary>Polls GET <paramref name="path"/> until its <c>items</c> hold <paramref name="count"/>; the deadline fails the test.</summary>
    public static async Task WaitForItemsAsync(HttpClient api, string path, int count, TimeSpan deadline, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(deadline);
        while (true)
        {
            using var response = await api.GetAsync(path, limit.Token);
            Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            var items = (await response.Content.ReadFromJsonAsync<JsonObject>(limit.Token))!["items"]!.AsArray();
            if (items.Count >= count)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
        }
    }
}
