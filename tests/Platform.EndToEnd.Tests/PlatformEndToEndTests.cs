using System.Net;
using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests;

public sealed class PlatformEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppHost_starts_all_services_web_signs_in_and_ctrl_c_leaves_no_child()
    {
        await using var appHost = new AppHostProcess();
        await appHost.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));

        using var http = new HttpClient();
        foreach (var service in new[] { "api", "worker", "web" })
        {
            Assert.True(appHost.Urls.TryGetValue(service, out var url), $"no URL printed for {service}:\n{appHost.Log}");
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{url}/health", Ct)).StatusCode);
        }
        Assert.Equal(3, appHost.ChildPids.Count);

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync($"{appHost.Urls["web"]}/signin");
            await page.FillAsync("#api-key", AppHostProcess.AdminKey);
            await page.ClickAsync("#sign-in");

            await Assertions.Expect(page.Locator("#api-health")).ToContainTextAsync("Healthy");
            await Assertions.Expect(page.Locator("#database-provider")).ToContainTextAsync("sqlite");
            await Assertions.Expect(page.Locator("#cache-backend")).ToContainTextAsync("memory");
            await Assertions.Expect(page.Locator("#api-version")).Not.ToBeEmptyAsync();

            // Interactive rendering: only a live Blazor circuit turns this click into a new count.
            var before = int.Parse(await page.Locator("#check-count").InnerTextAsync());
            await page.ClickAsync("#refresh-status");
            await Assertions.Expect(page.Locator("#check-count")).ToHaveTextAsync((before + 1).ToString());
        }

        Assert.Equal(0, await appHost.InterruptAsync(TimeSpan.FromSeconds(60)));
        Assert.DoesNotContain(appHost.ChildPids, AppHostProcess.IsAlive);
        Assert.True(File.Exists(Path.Combine(appHost.DataDirectory, "platform.db")), "the embedded SQLite file lives under .data/");
    }

    [Fact]
    public async Task A_wrong_key_is_refused_at_sign_in_with_a_message()
    {
        await using var appHost = new AppHostProcess();
        await appHost.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync($"{appHost.Urls["web"]}/status");
            Assert.Contains("/signin", page.Url);
            await page.FillAsync("#api-key", "plk_wrong");
            await page.ClickAsync("#sign-in");
            await Assertions.Expect(page.Locator("#signin-error")).ToBeVisibleAsync();
            Assert.Contains("/signin", page.Url);
        }
    }
}
