using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>An admin manages a user and their key in the Web, and the Api honours it; the only admin cannot be demoted.</summary>
[Collection(EmbeddedCollection.Name)]
public sealed class UsersPageTests(EmbeddedPlatform platform)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_created_in_the_web_works_once_read_and_stops_working_when_revoked_there()
    {
        var app = platform.App;
        var email = $"kim-{Guid.NewGuid():N}@example.com";
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
            await page.Locator("nav a[href='users']").ClickAsync();
            await Expect(Test(page, "user-table")).ToBeVisibleAsync();

            await Test(page, "new-user").ClickAsync();
            await Test(page, "user-name-input").FillAsync("Kim");
            await Test(page, "user-email-input").FillAsync(email);
            await Test(page, "user-role-input").SelectOptionAsync("member");
            await Test(page, "save-user").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/users/[0-9a-f-]{36}$"));
            await Expect(Test(page, "user-detail-email")).ToHaveTextAsync(email);

            await Test(page, "key-name-input").FillAsync("kim laptop");
            await Test(page, "key-scope-input").SelectOptionAsync("member");
            await Test(page, "create-key").ClickAsync();
            await Expect(Test(page, "new-key")).ToContainTextAsync("you will not see it again");
            var secret = (await Test(page, "new-key-secret").TextContentAsync())!.Trim();
            Assert.StartsWith("plk_", secret);
            await Expect(page.Locator("[data-key='kim laptop'] [data-test='key-prefix']")).ToContainTextAsync(secret[..12]);

            using var kim = app.App.CreateHttpClient("api");
            kim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using (var me = await kim.GetAsync("api/me", Ct))
            {
                Assert.Equal(HttpStatusCode.OK, me.StatusCode);
                Assert.Equal(email, (string?)(await me.Content.ReadFromJsonAsync<JsonObject>(Ct))!["email"]);
            }

            // Once dismissed (or after a reload) the secret is nowhere on the page.
            await Test(page, "dismiss-key").ClickAsync();
            await Expect(Test(page, "new-key")).ToHaveCountAsync(0);
            await page.ReloadAsync();
            await Expect(page.Locator("[data-key='kim laptop']")).ToBeVisibleAsync();
            Assert.DoesNotContain(secret, await page.ContentAsync());

            await page.Locator("[data-key='kim laptop'] [data-test='revoke-key']").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key", Exact = true }).ClickAsync();
            await Expect(page.Locator("[data-key='kim laptop']")).ToHaveCountAsync(0);
            using var revoked = await kim.GetAsync("api/me", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }
    }

    [Fact]
    public async Task Demoting_the_only_admin_in_the_web_shows_the_apis_409_reason()
    {
        var app = platform.App;
        using var api = app.CreateAdminClient();
        var me = (await api.GetFromJsonAsync<JsonObject>("api/me", Ct))!;
        var users = (await api.GetFromJsonAsync<JsonArray>("api/users", Ct))!;
        Assert.Single(users, u => (string?)u!["role"] == "admin" && u["disabledAt"] is null);

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
            await page.GotoAsync(new Uri(app.WebUrl, $"users/{me["id"]}").ToString());
            await Expect(Test(page, "user-detail-role")).ToHaveTextAsync("admin");

            await Test(page, "edit-user").ClickAsync();
            await Test(page, "user-role-input").SelectOptionAsync("member");
            await Test(page, "save-user").ClickAsync();
            await Expect(Test(page, "user-form-error")).ToContainTextAsync("last admin");
        }

        var after = (await api.GetFromJsonAsync<JsonObject>($"api/users/{me["id"]}", Ct))!;
        Assert.Equal("admin", (string?)after["role"]);
    }

    [Fact]
    public async Task Limits_set_in_the_web_reach_the_api_and_a_bad_one_shows_the_apis_reason()
    {
        var app = platform.App;
        using var api = app.CreateAdminClient();
        using var created = await api.PostAsJsonAsync("api/users", new { name = "Lim", email = $"lim-{Guid.NewGuid():N}@example.com", role = "member" }, Ct);
        var userId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!;
        using var keyAnswer = await api.PostAsJsonAsync($"api/users/{userId}/keys", new { name = "lim key", scope = "member" }, Ct);
        var keyId = (string)(await keyAnswer.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!;

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
            await page.GotoAsync(new Uri(app.WebUrl, $"users/{userId}").ToString());
            await Expect(Test(page, "limits-panel")).ToBeVisibleAsync();

            await Test(page, "limit-rpm").FillAsync("-3");
            await Test(page, "save-limits").ClickAsync();
            await Expect(Test(page, "limits-error")).ToContainTextAsync("requestsPerMinute");

            await Test(page, "limit-rpm").FillAsync("30");
            await Test(page, "limit-daily").FillAsync("2.5");
            await Test(page, "save-limits").ClickAsync();
            await Expect(Test(page, "usage-requests")).ToContainTextAsync("of 30");
            await Expect(Test(page, "usage-today")).ToContainTextAsync("of 2.5 USD");

            var keyRow = page.Locator("[data-key-limits='lim key']");
            await keyRow.Locator("[data-test='key-limit-tpm']").FillAsync("5000");
            await keyRow.Locator("[data-test='save-key-limits']").ClickAsync();
            await Expect(keyRow.Locator("[data-test='key-usage']")).ToContainTextAsync(new Regex("of 5.?000 tokens"));
        }

        var limits = (await api.GetFromJsonAsync<JsonObject>($"api/users/{userId}", Ct))!["limits"]!;
        Assert.Equal((30, 2.5), ((int)limits["requestsPerMinute"]!, (double)limits["dailyBudgetUsd"]!));
        var key = (await api.GetFromJsonAsync<JsonArray>($"api/users/{userId}/keys", Ct))!.Single(k => (string?)k!["id"] == keyId)!;
        Assert.Equal(5000, (long)key["limits"]!["tokensPerMinute"]!);
    }

    private static ILocator Test(IPage page, string name) => page.Locator($"[data-test='{name}']");
}
