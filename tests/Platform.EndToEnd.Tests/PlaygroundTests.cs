using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>The Providers and Playground pages against a real AppHost, with no provider configured (the offline one answers).</summary>
[Collection(EmbeddedCollection.Name)]
public sealed class PlaygroundTests(EmbeddedPlatform platform)
{
    [Fact]
    public async Task Playground_streams_offline_answers_with_cache_hits_and_providers_shows_the_offline_circuit()
    {
        var web = platform.App.WebUrl.ToString().TrimEnd('/');
        // Other tests share this platform and its cache: the counts below are relative to what it holds now.
        var (hitsBefore, missesBefore) = await CacheCountsAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPageAsync(browser, platform.App.WebUrl);

            await page.GotoAsync($"{web}/playground");
            await page.SelectOptionAsync("#playground-model", "offline-1");
            var message = $"hello playground {Guid.NewGuid():N}";
            await SendAsync(page, message);
            var first = page.Locator(".assistant-message").Nth(0);
            await Expect(first.Locator(".message-text")).ToContainTextAsync("[offline provider]");
            await Expect(first.Locator(".message-text")).ToContainTextAsync(message);
            await ExpectMetaAsync(first, "cache miss");

            // A second turn carries the first one as history, so it is a new request: the cache has not seen it.
            await SendAsync(page, message);
            var second = page.Locator(".assistant-message").Nth(1);
            await Expect(second.Locator(".message-text")).ToContainTextAsync(message);
            await ExpectMetaAsync(second, "cache miss");

            // A new conversation with the same first message is the first request again: answered from the cache.
            await page.ClickAsync("#playground-clear");
            await Expect(page.Locator(".assistant-message")).ToHaveCountAsync(0);
            await SendAsync(page, message);
            var repeated = page.Locator(".assistant-message").Nth(0);
            await Expect(repeated.Locator(".message-text")).ToContainTextAsync(message);
            await ExpectMetaAsync(repeated, "cache hit");

            await page.GotoAsync($"{web}/providers");
            var offline = page.Locator("tr[data-provider='offline']");
            await Expect(offline).ToContainTextAsync("closed");
            await Expect(offline).ToContainTextAsync("offline-1");
            await Expect(offline.Locator(".reset-circuit")).ToBeDisabledAsync();
            var offlineModel = offline.Locator("li[data-model='offline-1']");
            await Expect(offlineModel.Locator(".model-circuit-state")).ToHaveTextAsync("closed");
            await Expect(offlineModel.Locator(".reset-model-circuit")).ToBeDisabledAsync();
            await Expect(page.Locator("#cache-hits")).ToHaveTextAsync(Text(hitsBefore + 1));
            await Expect(page.Locator("#cache-misses")).ToHaveTextAsync(Text(missesBefore + 2));

            await page.ClickAsync("#clear-cache");
            await page.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Clear cache" }).ClickAsync();
            await Expect(page.Locator(".rz-notification")).ToContainTextAsync("Cache cleared");
        }
    }

    private async Task<(long Hits, long Misses)> CacheCountsAsync()
    {
        using var api = platform.App.CreateAdminClient();
        var stats = await api.GetFromJsonAsync<JsonObject>("api/llm/cache/stats", TestContext.Current.CancellationToken);
        return ((long)stats!["hits"]!, (long)stats["misses"]!);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task SendAsync(IPage page, string message)
    {
        await page.FillAsync("#playground-input", message);
        await page.ClickAsync("#playground-send");
    }

    private static async Task ExpectMetaAsync(ILocator answer, string cache)
    {
        var meta = answer.Locator(".answer-meta");
        await Expect(meta).ToContainTextAsync("offline");
        await Expect(meta).ToContainTextAsync("tokens");
        await Expect(meta).ToContainTextAsync(cache);
    }
}
