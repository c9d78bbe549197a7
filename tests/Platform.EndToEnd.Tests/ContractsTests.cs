using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// An end user who rage-clicked a generic "Submit" button, and their stored contract: the Contracts page runs a queued
/// generation in the real Worker, follows the job until it is done and shows what the new version changed and why.
/// </summary>
[Collection(EmbeddedCollection.Name)]
public sealed class ContractsTests(EmbeddedPlatform platform)
{
    private const string Page = "checkout";
    private const string Button = "checkout-button";
    private const string Input = "card-number";

    // The Worker polls for jobs: generous for a busy machine; the wait ends as soon as the job does.
    private const float JobTimeoutMs = 120_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_queued_generation_followed_on_the_page_ends_in_a_new_version_and_its_diff_with_the_explanation()
    {
        var app = platform.App;
        using var api = app.CreateAdminClient();
        var visitor = await RageClickingVisitorAsync(api);
        try
        {
            var seeded = await SeedContractAsync(api, app, visitor);

            var (playwright, browser) = await Browser.LaunchAsync();
            using (playwright)
            await using (browser)
            {
                var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
                await page.Locator("nav a[href='contracts']").ClickAsync();
                await Expect(Test(page, "contracts-start")).ToBeVisibleAsync();
                await Test(page, "contract-user-input").FillAsync(visitor);
                await Test(page, "open-user").ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex($"contracts\\?userId={visitor}$"));

                await Expect(page.Locator($"[data-test='pain-points'] [data-pain-point='rage-click'][data-component='{Button}']")).ToBeVisibleAsync();
                var versions = Test(page, "contract-versions");
                await Expect(versions.Locator($"tr[data-contract='{seeded}']")).ToContainTextAsync("0.1.0");
                await Expect(Test(page, "diff-needs-two")).ToBeVisibleAsync();
                await Expect(Test(page, "breaker-state")).ToHaveTextAsync("closed");

                // The model answers no contract at all: the generation falls back to the heuristic rules.
                app.Fake.Reply = "I would rather not answer in JSON today.";
                await Test(page, "generation-model").FillAsync(PlatformApp.FakeModel);
                await Test(page, "queue-generation").ClickAsync();
                var job = Test(page, "generation-job");
                await Expect(job).ToBeVisibleAsync();
                await Expect(job).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = JobTimeoutMs });
                await Expect(Test(page, "generation-step")).ToHaveTextAsync("done");
                await Expect(Test(page, "generation-progress")).ToContainTextAsync("100");
                await Expect(Test(page, "generation-result")).ToContainTextAsync("0.1.1");

                // The new version heads the list, and the diff compares it with the one before, as the page opens it.
                var newest = versions.Locator("tr[data-version='0.1.1']");
                await Expect(newest.Locator("[data-test='contract-path']")).ToHaveTextAsync("heuristic");
                var newId = await newest.GetAttributeAsync("data-contract");
                var head = Test(page, "diff-head");
                await Expect(head).ToHaveAttributeAsync("data-to", newId!);
                await Expect(head).ToHaveAttributeAsync("data-from", seeded);
                await Expect(Test(page, "diff-path")).ToHaveTextAsync("heuristic");
                await Expect(Test(page, "diff-explanation")).ToContainTextAsync(Button);
                var changes = Test(page, "diff-changes").Locator($"tr[data-path^='/pagesUI/pages/{Page}/components/0/']");
                await Expect(changes.First).ToBeVisibleAsync();
                var label = Test(page, "diff-changes").Locator($"tr[data-path='/pagesUI/pages/{Page}/components/0/label']");
                await Expect(label).ToHaveAttributeAsync("data-op", "replace");
                await Expect(label.Locator("[data-test='diff-old']")).ToHaveTextAsync("Submit");
                // The input nobody struggled with is left alone.
                await Expect(Test(page, "diff-changes").Locator($"tr[data-path^='/pagesUI/pages/{Page}/components/1/']")).ToHaveCountAsync(0);

                // The whole new version, on demand.
                await newest.Locator("[data-test='show-json']").ClickAsync();
                await Expect(Test(page, "contract-json")).ToHaveAttributeAsync("data-contract", newId!);
                await Expect(Test(page, "contract-json")).ToContainTextAsync("disabledWhileSubmitting");

                // A user with no contract yet needs a base: the Api's refusal shows under the field it names.
                await page.GotoAsync(new Uri(app.WebUrl, $"contracts?userId=nobody-{Guid.NewGuid():N}").ToString());
                await Expect(Test(page, "base-needed")).ToBeVisibleAsync();
                await Test(page, "generate-now").ClickAsync();
                await Expect(Test(page, "error-baseContract")).ToBeVisibleAsync();
                await Expect(Test(page, "generation-error")).ToBeVisibleAsync();
                await Test(page, "base-contract-input").FillAsync("{\"pagesUI\": ");
                await Test(page, "generate-now").ClickAsync();
                await Expect(Test(page, "error-baseContract-json")).ToContainTextAsync("Not valid JSON");

                // Generated now from the base given here: with no pain points to act on, the safe path keeps it as it is.
                await Test(page, "base-contract-input").FillAsync(BaseContract().ToJsonString());
                await Test(page, "generation-model").FillAsync(PlatformApp.FakeModel);
                await Test(page, "generate-now").ClickAsync();
                await Expect(Test(page, "generation-version")).ToHaveTextAsync("0.1.0");
                await Expect(Test(page, "generation-path")).ToHaveTextAsync("safe");
                await Expect(Test(page, "generation-fallback")).ToHaveCountAsync(0);
                await Expect(Test(page, "contract-versions").Locator("tr[data-version='0.1.0'] [data-test='contract-path']")).ToHaveTextAsync("safe");
            }
        }
        finally
        {
            app.Fake.Reply = null;
        }
    }

    [Fact]
    public async Task An_open_contract_breaker_shows_on_the_page_a_generation_falls_back_with_a_notice_and_reset_closes_it()
    {
        var app = platform.App;
        using var api = app.CreateAdminClient();
        var visitor = await RageClickingVisitorAsync(api);
        try
        {
            // Unusable answers in a row open the Api's contract breaker; a closed one starts counting afresh.
            app.Fake.Reply = "I would rather not answer in JSON today.";
            var threshold = (int)(await BreakerAsync(api, "api/contracts/circuit-breaker/reset", HttpMethod.Post))["failureThreshold"]!;
            for (var i = 0; i < threshold; i++)
            {
                using var response = await api.PostAsJsonAsync("api/contracts/generate",
                    new { userId = visitor, baseContract = BaseContract(), model = PlatformApp.FakeModel }, Ct);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
            }
            Assert.Equal("open", (string?)(await BreakerAsync(api, "api/contracts/circuit-breaker", HttpMethod.Get))["state"]);

            var (playwright, browser) = await Browser.LaunchAsync();
            using (playwright)
            await using (browser)
            {
                var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
                await page.GotoAsync(new Uri(app.WebUrl, $"contracts?userId={visitor}").ToString());
                await Expect(Test(page, "breaker-state")).ToHaveTextAsync("open");
                await Expect(Test(page, "breaker-failures")).ToContainTextAsync($"{threshold} / {threshold}");
                await Expect(Test(page, "breaker-retry-after")).ToBeVisibleAsync();

                // No model is asked while it is open: the heuristic rules answer, and the page says so.
                await Test(page, "generation-model").FillAsync(PlatformApp.FakeModel);
                await Test(page, "generate-now").ClickAsync();
                await Expect(Test(page, "generation-path")).ToHaveTextAsync("heuristic");
                await Expect(Test(page, "generation-fallback")).ToContainTextAsync("heuristic");

                await Test(page, "reset-breaker").ClickAsync();
                await page.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Reset breaker" }).ClickAsync();
                await Expect(Test(page, "breaker-state")).ToHaveTextAsync("closed");
                await Expect(Test(page, "reset-breaker")).ToBeDisabledAsync();
            }
            Assert.Equal("closed", (string?)(await BreakerAsync(api, "api/contracts/circuit-breaker", HttpMethod.Get))["state"]);
        }
        finally
        {
            app.Fake.Reply = null;
            // A failure above must not leave the breaker open for the other contract tests.
            await BreakerAsync(api, "api/contracts/circuit-breaker/reset", HttpMethod.Post);
        }
    }

    private static async Task<JsonObject> BreakerAsync(HttpClient api, string path, HttpMethod method)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await api.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A base contract stored as the user's first version: the model gives it back unchanged.</summary>
    private static async Task<string> SeedContractAsync(HttpClient api, PlatformApp app, string visitor)
    {
        var baseContract = BaseContract();
        app.Fake.Reply = new JsonObject { ["contract"] = baseContract.DeepClone(), ["explanation"] = "The seeded contract, unchanged." }.ToJsonString();
        using var response = await api.PostAsJsonAsync("api/contracts/generate",
            new { userId = visitor, baseContract, model = PlatformApp.FakeModel }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"seeding the contract: {(int)response.StatusCode} {body}");
        var contract = JsonNode.Parse(body)!;
        Assert.Equal("0.1.0", (string?)contract["version"]);
        return (string?)contract["id"] ?? throw new InvalidOperationException($"The stored contract has no id: {body}");
    }

    /// <summary>A checkout page with a button labelled generically and a card number input.</summary>
    private static JsonObject BaseContract() => new()
    {
        ["meta"] = new JsonObject { ["description"] = "Checkout of the demo shop" },
        ["pagesUI"] = new JsonObject
        {
            ["pages"] = new JsonObject
            {
                [Page] = new JsonObject
                {
                    ["title"] = "Checkout",
                    ["components"] = new JsonArray(
                        new JsonObject { ["id"] = Button, ["type"] = "button", ["label"] = "Submit" },
                        new JsonObject { ["id"] = Input, ["type"] = "input", ["label"] = "Card number" }),
                },
            },
        },
    };

    /// <summary>A new end user with a page view, then three quick clicks on one spot of the checkout button (a rage click), stored.</summary>
    private static async Task<string> RageClickingVisitorAsync(HttpClient api)
    {
        var visitor = $"visitor-{Guid.NewGuid():N}";
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        TrackedEvent At(int offsetMs, string type, string? component) =>
            new(visitor, "s1", type, component, "/checkout", component is null ? null : 120, component is null ? null : 40, start.AddMilliseconds(offsetMs).ToString("O"));

        TrackedEvent[] events = [At(0, "pageview", null), At(1_000, "click", Button), At(1_200, "click", Button), At(1_400, "click", Button)];
        using var response = await api.PostAsJsonAsync("api/events", new { events }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await TrackerEvents.WaitAsync(api, visitor, stored => stored.Count(e => e.Is("click", Button)) == 3, Ct);
        return visitor;
    }

    private static ILocator Test(IPage page, string name) => page.Locator($"[data-test='{name}']");
}

/// <summary>One product event as tracker.js posts it (camelCase on the wire).</summary>
internal sealed record TrackedEvent(string UserId, string SessionId, string EventType, string? ComponentId, string Page, int? X, int? Y, string Timestamp);
