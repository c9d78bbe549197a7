using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>The demo chat under the Api's /demo/: a visitor asks, reads the answer, follows its link; all of it is tracked.</summary>
[Collection(EmbeddedCollection.Name)]
public sealed class DemoTests(EmbeddedPlatform platform)
{
    private const string GuideUrl = "https://docs.example.com/guide";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_visitor_asks_a_question_follows_the_answers_link_and_their_events_arrive()
    {
        var marker = Guid.NewGuid().ToString("N");
        platform.App.Fake.Reply = $"Everything is in [the guide]({GuideUrl}) ({marker}).";
        using var api = platform.App.CreateAdminClient();
        try
        {
            var (playwright, browser) = await Browser.LaunchAsync();
            using (playwright)
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                page.SetDefaultTimeout(60_000);
                SetDefaultExpectTimeout(60_000);
                await page.Context.RouteAsync(GuideUrl, route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<h1>Guide</h1>" }));
                await page.GotoAsync(new Uri(platform.App.ApiUrl, "demo/").ToString());
                await Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
                var userId = await page.EvaluateAsync<string>("Tracker.userId()");

                await page.FillAsync("#question", $"where do I start? {marker}");
                await page.ClickAsync("#send");
                var answer = page.Locator(".assistant").Last;
                var link = answer.Locator($"a[href='{GuideUrl}']");
                await Expect(link).ToHaveTextAsync("the guide");
                await Expect(answer).ToContainTextAsync(marker);
                var guide = await page.RunAndWaitForPopupAsync(() => link.ClickAsync());
                await Expect(guide.Locator("h1")).ToHaveTextAsync("Guide");

                var events = await TrackerEvents.WaitAsync(api, userId,
                    e => e.Any(x => x.Is("success", "ask-form")) && e.Any(x => x.Text("targetUrl") == GuideUrl), Ct);
                Assert.Contains(events, e => e.Is("pageview") && e.Text("page") == "/demo/");
                Assert.Contains(events, e => e.Is("submit", "ask-form"));
                Assert.EndsWith(marker, events.Single(e => e.Is("success", "ask-form")).Text("query"));
                Assert.Single(events, e => e.Is("click") && e.Text("targetUrl") == GuideUrl);

                var interactionId = await answer.GetAttributeAsync("data-interaction-id");
                var interaction = await InteractionAsync(api, interactionId!);
                Assert.Equal(("chat", "demo", userId), ((string?)interaction["type"], (string?)interaction["source"], (string?)interaction["endUserId"]));
                Assert.Equal(events[0].Text("sessionId"), (string?)interaction["sessionId"]);
            }
        }
        finally
        {
            platform.App.Fake.Reply = null;
        }
    }

    /// <summary>The interaction is written off the request path: wait until it is there.</summary>
    private static async Task<JsonObject> InteractionAsync(HttpClient api, string id)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await api.GetAsync($"api/interactions/{id}", Ct);
            if (response.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > until)
            {
                return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            }
            await Task.Delay(250, Ct);
        }
    }
}
