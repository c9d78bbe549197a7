using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright; no browser download (none is possible here).</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Infra.SkipOrFail($"Chromium not found at {ChromiumPath} (apt-get install chromium)");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Signs in with the admin key on the Web's sign-in page, as a person would.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowser browser, Uri web)
    {
        var page = await browser.NewPageAsync();
        // Under a busy machine the first render of a cold Blazor app can be slow; Expect waits for states, not for time.
        page.SetDefaultTimeout(60_000);
        SetDefaultExpectTimeout(60_000);
        await page.GotoAsync(new Uri(web, "signin").ToString());
        await page.FillAsync("#api-key", PlatformApp.AdminKey);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#user-name")).ToBeVisibleAsync();
        return page;
    }
}
