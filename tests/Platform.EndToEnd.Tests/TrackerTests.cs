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
        var userId = $"rage-{Guid.NewGuid():N}";
        using var api = platform.App.CreateAdminClient();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await TrackerPage.OpenAsync(browser, platform.App.ApiUrl, await IngestKeyAsync(api), userId);
            await page.Locator("#buy").ClickAsync(new() { ClickCount = 3 });

            var events = await TrackerEvents.WaitAsync(api, userId, e => e.Count(x => x.Is("click", "buy-button")) >= 3, Ct);
            var clicks = events.Where(e => e.Is("click", "buy-button")).ToList();
            Assert.All(clicks, c => Assert.Equal(TrackerPage.Path, c.Text("page")));
            Assert.All(clicks, c => Assert.NotNull(c["x"]));
            Assert.Single(clicks.Select(c => c.Text("sessionId")).Distinct());
            Assert.Contains(events, e => e.Is("pageview") && e.Text("page") == TrackerPage.Path);
        }

        var analytics = await api.GetFromJsonAsync<JsonObject>($"api/analytics/users/{userId}?fresh=true", Ct);
        var rage = analytics!["painPoints"]!.AsArray().Select(p => p!.AsObject())
            .Single(p => (string?)p["type"] == "rage-click" && (string?)p["componentId"] == "buy-button");
        Assert.Equal(3, (int)rage["metrics"]!["tapBurst"]!);
    }

    [Fact]
    public async Task No_track_elements_are_not_captured_and_spa_navigation_and_links_are()
    {
        var userId = $"spa-{Guid.NewGuid():N}";
        using var api = platform.App.CreateAdminClient();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await TrackerPage.OpenAsync(browser, platform.App.ApiUrl, await IngestKeyAsync(api), userId);
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
        }
    }

    [Fact]
    public async Task Invalid_fields_submits_and_script_errors_are_captured()
    {
        var userId = $"forms-{Guid.NewGuid():N}";
        using var api = platform.App.CreateAdminClient();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await TrackerPage.OpenAsync(browser, platform.App.ApiUrl, await IngestKeyAsync(api), userId);
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
        }
    }

    [Fact]
    public async Task The_pending_batch_goes_out_by_beacon_when_the_page_is_hidden()
    {
        var userId = $"beacon-{Guid.NewGuid():N}";
        using var api = platform.App.CreateAdminClient();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            // An hour between flushes and fewer events than a batch: only leaving the page can send them.
            var page = await TrackerPage.OpenAsync(browser, platform.App.ApiUrl, await IngestKeyAsync(api), userId, flushMs: 3_600_000);
            var sent = new List<string>();
            page.Request += (_, request) =>
            {
                if (request.Url.Contains("/api/events", StringComparison.Ordinal))
                {
                    lock (sent)
                    {
                        sent.Add(request.Url);
                    }
                }
            };
            await page.Locator("#buy").ClickAsync();
            await page.Locator("#more").ClickAsync();
            lock (sent)
            {
                Assert.Empty(sent);
            }

            await page.GotoAsync("about:blank");

            var events = await TrackerEvents.WaitAsync(api, userId,
                e => e.Any(x => x.Is("dwell")) && e.Any(x => x.Is("click", "more")), Ct);
            Assert.Contains(events, e => e.Is("pageview"));
            Assert.Contains(events, e => e.Is("click", "buy-button"));
        }
    }

    /// <summary>A fresh ingest key, as a product team would make one for its site.</summary>
    private static async Task<string> IngestKeyAsync(HttpClient api)
    {
        using var user = await api.PostAsJsonAsync("api/users", new { name = "Shop", email = $"shop-{Guid.NewGuid():N}@example.com", role = "member" }, Ct);
        var userId = (await user.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.ToString();
        using var key = await api.PostAsJsonAsync($"api/users/{userId}/keys", new { name = "site", scope = "ingest" }, Ct);
        return (string)(await key.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!["key"]!;
    }
}
