using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests;

/// <summary>tracker.js in Chromium against a real AppHost: what it captures reaches POST /api/events and the analytics.</summary>
[Collection(EmbeddedCollection.Name)]
public sealed class TrackerTests(EmbeddedPlatform platform)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_quick_clicks_on_a_button_arrive_as_events_and_make_a_rage_click_pain_point()
    {
        var userId = await OnTrackedPageAsync("rage", async (page, userId, api) =>
        {
            await page.Locator("#buy").ClickAsync(new() { ClickCount = 3 });

            var events = await TrackerEvents.WaitAsync(api, userId, e => e.Count(x => x.Is("click", "buy-button")) >= 3, Ct);
            var clicks = events.Where(e => e.Is("click", "buy-button")).ToList();
            Assert.All(clicks, c => Assert.Equal(TrackerPage.Path, c.Text("page")));
            Assert.All(clicks, c => Assert.NotNull(c["x"]));
            Assert.Single(clicks.Select(c => c.Text("sessionId")).Distinct());
            Assert.Contains(events, e => e.Is("pageview") && e.Text("page") == TrackerPage.Path);
        });

        using var api = platform.App.CreateAdminClient();
        var analytics = await api.GetFromJsonAsync<JsonObject>($"api/analytics/users/{userId}?fresh=true", Ct);
        var rage = analytics!["painPoints"]!.AsArray().Select(p => p!.AsObject())
            .Single(p => (string?)p["type"] == "rage-click" && (string?)p["componentId"] == "buy-button");
        Assert.Equal(3, (int)rage["metrics"]!["tapBurst"]!);
    }

    [Fact]
    public Task No_track_elements_are_not_captured_and_spa_navigation_and_links_are() =>
        OnTrackedPageAsync("spa", async (page, userId, api) =>
        {
            await page.Locator("#secret").ClickAsync();
            await page.Locator("#quiet").ClickAsync();
            await page.Locator("#more").ClickAsync();
            await page.EvaluateAsync("history.pushState({}, '', '/e2e/tracker/next')");
            // Sent after the ignored clicks, in order: once it is stored, anything captured before it would be too.
            await page.Locator("#buy").ClickAsync();

            var events = await TrackerEvents.WaitAsync(api, userId,
                e => e.Any(x => x.Is("click", "buy-button") && x.Text("page") == "/e2e/tracker/next"), Ct);
            Assert.DoesNotContain(events, e => e.Text("componentId") is "secret" or "quiet");
            var link = Assert.Single(events, e => e.Is("click", "more"));
            Assert.EndsWith("/e2e/tracker#more", link.Text("targetUrl"));
            Assert.Contains(events, e => e.Is("pageview") && e.Text("page") == "/e2e/tracker/next");
            var dwell = Assert.Single(events, e => e.Is("dwell"));
            Assert.Equal(TrackerPage.Path, dwell.Text("page"));
            Assert.True((double)dwell["durationMs"]! >= 0);
        });

    [Fact]
    public Task Invalid_fields_submits_and_script_errors_are_captured() =>
        OnTrackedPageAsync("forms", async (page, userId, api) =>
        {
            await page.Locator("#join").ClickAsync();
            await page.Locator("#email").FillAsync("ann@example.com");
            await page.Locator("#join").ClickAsync();
            await page.EvaluateAsync("setTimeout(() => { throw new Error('boom from the page'); })");
            await page.EvaluateAsync("() => { Promise.reject(new Error('nobody caught me')); }");

            var events = await TrackerEvents.WaitAsync(api, userId,
                e => e.Count(x => x.Is("error")) >= 3 && e.Any(x => x.Is("submit", "signup")), Ct);
            var invalid = Assert.Single(events, e => e.Is("error", "signup"));
            Assert.StartsWith("invalid email", invalid.Text("message"));
            Assert.Contains(events, e => e.Is("input", "signup") && (string?)e["extra"]!["field"] == "email");
            Assert.Contains(events, e => e.Is("error") && e.Text("message")!.Contains("boom from the page"));
            Assert.Contains(events, e => e.Is("error") && e.Text("message") == "nobody caught me");
        });

    [Fact]
    public Task The_pending_batch_goes_out_by_beacon_when_the_page_is_hidden() =>
        // An hour between flushes and fewer events than a batch: only leaving the page can send them.
        OnTrackedPageAsync("beacon", flushMs: 3_600_000, test: async (page, userId, api) =>
        {
            // Counts the real sendBeacon's calls where the next page of this origin can read them.
            await page.EvaluateAsync("""
                () => {
                  const send = navigator.sendBeacon.bind(navigator);
                  navigator.sendBeacon = (url, data) => {
                    const ok = send(url, data);
                    localStorage.setItem('e2e-beacons', (localStorage.getItem('e2e-beacons') || '') + (ok ? 'sent ' : 'refused ') + url + '\n');
                    return ok;
                  };
                }
                """);
            await page.Locator("#buy").ClickAsync();
            await page.Locator("#more").ClickAsync();

            var next = new Uri(platform.App.ApiUrl, "/e2e/next-page").ToString();
            await page.RouteAsync(next, route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<p>another page</p>" }));
            await page.GotoAsync(next);
            var beacons = await page.EvaluateAsync<string>("localStorage.getItem('e2e-beacons')");
            Assert.StartsWith($"sent {new Uri(platform.App.ApiUrl, "/api/events")}?key=", beacons);

            var events = await TrackerEvents.WaitAsync(api, userId,
                e => e.Any(x => x.Is("dwell")) && e.Any(x => x.Is("click", "more")), Ct);
            Assert.Contains(events, e => e.Is("pageview"));
            Assert.Contains(events, e => e.Is("click", "buy-button"));
        });

    /// <summary>Opens the tracked page for a new end user, with a fresh ingest key as a product team would make one for its site.</summary>
    private async Task<string> OnTrackedPageAsync(string name, Func<IPage, string, HttpClient, Task> test, int? flushMs = null)
    {
        var userId = $"{name}-{Guid.NewGuid():N}";
        using var api = platform.App.CreateAdminClient();
        using var user = await api.PostAsJsonAsync("api/users", new { name = "Shop", email = $"shop-{Guid.NewGuid():N}@example.com", role = "member" }, Ct);
        var owner = (await user.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.ToString();
        using var key = await api.PostAsJsonAsync($"api/users/{owner}/keys", new { name = "site", scope = "ingest" }, Ct);
        var ingestKey = (string)(await key.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!["key"]!;

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await TrackerPage.OpenAsync(browser, platform.App.ApiUrl, ingestKey, userId, flushMs);
            await test(page, userId, api);
        }
        return userId;
    }
}
