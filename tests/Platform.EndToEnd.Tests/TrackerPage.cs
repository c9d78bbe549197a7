using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A product page that embeds tracker.js, served at the Api's own origin by the browser's router (so the events go out
/// without CORS, as on a page the Api serves).
/// </summary>
internal static class TrackerPage
{
    public const string Path = "/e2e/tracker";

    public static async Task<IPage> OpenAsync(IBrowser browser, Uri api, string ingestKey, string userId, int? flushMs = null)
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var options = flushMs is { } ms ? $", flushMs: {ms}" : "";
        var html = $$"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>tracked page</title></head>
            <body>
              <button id="buy" data-component-id="buy-button">Buy</button>
              <div class="no-track"><button id="secret">Secret</button></div>
              <button id="quiet" class="no-track">Quiet</button>
              <a id="more" href="#more">More</a>
              <form id="signup"><input id="email" name="email" type="email" required><button id="join" type="submit">Join</button></form>
              <script src="/tracker.js"></script>
              <script>
                document.getElementById('signup').addEventListener('submit', function (e) { e.preventDefault(); });
                Tracker.init({ key: '{{ingestKey}}', userId: '{{userId}}'{{options}} });
              </script>
            </body></html>
            """;
        var url = new Uri(api, Path).ToString();
        await page.RouteAsync(url, route => route.FulfillAsync(new() { ContentType = "text/html", Body = html }));
        await page.GotoAsync(url);
        return page;
    }
}
