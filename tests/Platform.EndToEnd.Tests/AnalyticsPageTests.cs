using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// One end user's rage clicks and errors, sent through the Api like a product's tracker would, and an LLM call made for
/// them: the Web's user page shows the pain points, the hotspot and the timeline, and the overview shows the component.
/// </summary>
[Collection(EmbeddedCollection.Name)]
public sealed class AnalyticsPageTests(EmbeddedPlatform platform)
{
    private const string Button = "checkout-button";
    private const string Form = "payment-form";
    private const string Declined = "Card declined";
    private const int SeededEvents = 8;

    // Ingestion and interaction recording are both buffered off the request path; generous for a busy machine.
    private static readonly TimeSpan StoredDeadline = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_users_rage_clicks_errors_and_llm_calls_show_on_their_page_and_the_component_on_the_overview()
    {
        var app = platform.App;
        var visitor = $"visitor-{Guid.NewGuid():N}";
        using var api = app.CreateAdminClient();
        await SeedEventsAsync(api, visitor, DateTimeOffset.UtcNow.AddMinutes(-5));
        var interactionId = await ChatAsAsync(api, visitor);
        await WaitUntilStoredAsync(api, $"api/events?userId={visitor}&limit=100", SeededEvents);
        await WaitUntilStoredAsync(api, $"api/interactions?endUserId={visitor}", 1);

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
            await page.Locator("nav a[href='analytics']").ClickAsync();
            await Expect(Test(page, "overview-summary")).ToBeVisibleAsync();
            await Expect(page.Locator($"[data-test='overview-pain-points'] tr[data-pain-point='rage-click'][data-component='{Button}']"))
                .ToBeVisibleAsync();
            await Expect(page.Locator($"[data-test='overview-pain-points'] tr[data-pain-point='error-pattern'][data-component='{Form}']"))
                .ToBeVisibleAsync();

            await page.GotoAsync(new Uri(app.WebUrl, "analytics/users").ToString());
            await Expect(Test(page, "analytics-start")).ToBeVisibleAsync();
            await Test(page, "user-id-input").FillAsync(visitor);
            await Test(page, "analyse-user").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"analytics/users\\?userId={visitor}$"));

            var rage = page.Locator($"[data-test='pain-points'] [data-pain-point='rage-click'][data-component='{Button}']");
            await Expect(rage.Locator("[data-test='pain-point-reason']")).ToContainTextAsync("3 taps in 400ms");
            await Expect(rage.Locator("[data-metric='tapBurst']")).ToContainTextAsync("3");
            await Expect(page.Locator($"[data-test='pain-points'] [data-pain-point='error-pattern'][data-component='{Form}']")).ToBeVisibleAsync();
            var hotspot = page.Locator($"[data-test='hotspots'] tr[data-hotspot='{Form}']");
            await Expect(hotspot).ToContainTextAsync(Declined);
            await Expect(hotspot).ToContainTextAsync("3");
            await Expect(Test(page, "error-rate")).ToContainTextAsync("37.5%");
            await Expect(Test(page, "event-distribution").Locator("li[data-event-type='click']")).ToContainTextAsync("3");
            await Expect(Test(page, "analytics-cache")).ToHaveTextAsync("computed now");

            // The timeline interleaves the events and the LLM call, oldest first: the call came after every seeded event.
            var timeline = Test(page, "timeline");
            await Expect(timeline.Locator("li[data-kind='event']")).ToHaveCountAsync(SeededEvents);
            var call = timeline.Locator($"li[data-interaction='{interactionId}']");
            await Expect(call.Locator("a")).ToHaveAttributeAsync("href", $"interactions/{interactionId}");
            await Expect(timeline.Locator("li").Last).ToHaveAttributeAsync("data-interaction", interactionId);
            await Expect(timeline.Locator("li").First).ToHaveAttributeAsync("data-event-type", "pageview");

            // A reload asks again and is answered from the Api's cache; Recompute asks for a fresh answer.
            await page.ReloadAsync();
            await Expect(Test(page, "analytics-cache")).ToHaveTextAsync("from cache");
            await Test(page, "recompute").ClickAsync();
            await Expect(Test(page, "analytics-cache")).ToHaveTextAsync("computed now");

            // Someone the product never tracked is an empty state, not an error.
            await page.GotoAsync(new Uri(app.WebUrl, $"analytics/users?userId=nobody-{Guid.NewGuid():N}").ToString());
            await Expect(Test(page, "analytics-no-events")).ToBeVisibleAsync();
            await Expect(Test(page, "timeline-empty")).ToBeVisibleAsync();
            await Expect(Test(page, "analytics-error")).ToHaveCountAsync(0);
        }
    }

    /// <summary>A page view, three quick clicks on one spot of the button, a failed form three times, and a last page view.</summary>
    private static async Task SeedEventsAsync(HttpClient api, string visitor, DateTimeOffset start)
    {
        object Event(string type, double offsetMs, string? component = null, string? message = null) => new
        {
            userId = visitor,
            sessionId = "s1",
            eventType = type,
            componentId = component,
            page = "/checkout",
            message,
            x = component == Button ? 120 : (int?)null,
            y = component == Button ? 40 : (int?)null,
            timestamp = start.AddMilliseconds(offsetMs).ToString("O"),
        };

        object[] events =
        [
            Event("pageview", 0),
            Event("click", 1_000, Button), Event("click", 1_200, Button), Event("click", 1_400, Button),
            Event("error", 5_000, Form, Declined), Event("error", 15_000, Form, Declined), Event("error", 25_000, Form, Declined),
            Event("pageview", 30_000),
        ];
        using var response = await api.PostAsJsonAsync("api/events", new { events }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(SeededEvents, (int)answer["accepted"]!);
        Assert.Empty(answer["rejected"]!.AsArray());
    }

    /// <summary>A chat made for the end user (the offline provider answers), recorded after the seeded events.</summary>
    private static async Task<string> ChatAsAsync(HttpClient api, string visitor)
    {
        using var response = await api.PostAsJsonAsync("api/llm/chat", new
        {
            model = "offline-1",
            userId = visitor,
            sessionId = "s1",
            messages = new[] { new { role = "user", content = $"why was my card declined? {Guid.NewGuid():N}" } },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return (string?)answer["interactionId"] ?? throw new InvalidOperationException($"The chat answer has no interactionId: {answer}");
    }

    /// <summary>Polls a list until it holds <paramref name="count"/> items: both writes are acknowledged before they are stored.</summary>
    private static async Task WaitUntilStoredAsync(HttpClient api, string path, int count)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(StoredDeadline);
        while (true)
        {
            using var response = await api.GetAsync(path, deadline.Token);
            Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            var items = (await response.Content.ReadFromJsonAsync<JsonObject>(deadline.Token))!["items"]!.AsArray();
            if (items.Count >= count)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    private static ILocator Test(IPage page, string name) => page.Locator($"[data-test='{name}']");
}
