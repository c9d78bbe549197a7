using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>The AppHost in its embedded default: every resource healthy, the Web signed in, a chat traced end to end.</summary>
[Collection(EmbeddedCollection.Name)]
public sealed class EmbeddedPlatformTests(EmbeddedPlatform platform)
{
    private static readonly TimeSpan TraceDeadline = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_service_is_healthy_and_the_web_signs_in_to_the_status_page()
    {
        var notifications = platform.App.App.Services.GetRequiredService<ResourceNotificationService>();
        foreach (var service in new[] { "api", "worker", "web" })
        {
            Assert.True(notifications.TryGetCurrentState(service, out var state), $"no state for {service}");
            Assert.Equal(HealthStatus.Healthy, state.Snapshot.HealthStatus);
        }

        // The dashboard's "Admin sign-in" link on the web resource signs a person in with one click.
        Assert.True(notifications.TryGetCurrentState("web", out var web));
        var signIn = Assert.Single(web.Snapshot.Urls, u => u.DisplayProperties.DisplayName == "Admin sign-in");
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(signIn.Url);
            await Expect(page.Locator("#user-name")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await page.GotoAsync(new Uri(platform.App.WebUrl, "status").ToString());
            await Expect(page.Locator("#database-provider")).ToHaveTextAsync("sqlite");
            await Expect(page.Locator("#cache-backend")).ToHaveTextAsync("memory");
            await Expect(page.Locator("#api-url")).ToContainTextAsync("http://");
        }
    }

    [Fact]
    public async Task A_chat_made_in_the_web_is_one_trace_across_web_api_and_the_provider_in_the_dashboard()
    {
        var app = platform.App;
        var reply = $"traced reply {Guid.NewGuid():N}";
        app.Fake.Reply = reply;
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
            await page.GotoAsync(new Uri(app.WebUrl, "playground").ToString());
            await page.SelectOptionAsync("#playground-model", PlatformApp.FakeModel);
            await page.FillAsync("#playground-input", "Where is Paris?");
            await page.ClickAsync("#playground-send");
            await Expect(page.Locator(".assistant-message .message-text").First).ToContainTextAsync(reply);
        }

        var providerPort = new Uri(app.Fake.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TraceDeadline);
        // The Api's request span ends last and may reach the dashboard in a later export batch: wait for it too.
        var trace = await app.Dashboard.WaitForTraceAsync(
            spans => spans.Any(s => s.Service == "web")
                     && spans.Any(IsFakeModelChat)
                     && spans.Any(s => s.Service == "api" && s.Attribute("server.port") == providerPort)
                     && spans.Any(IsApiChatRequest),
            deadline.Token);

        var chat = Assert.Single(trace, IsFakeModelChat);
        Assert.Equal("chat", chat.Attribute("gen_ai.operation.name"));
        Assert.Equal("fake", chat.Attribute("gen_ai.provider.name"));
        Assert.NotNull(chat.Attribute("gen_ai.usage.output_tokens"));
        // Web's outgoing call to the Api and the Api's own request span are in the same trace.
        Assert.Contains(trace, s => s.Service == "web" && s.Attribute("url.full")?.Contains("/api/llm/chat", StringComparison.Ordinal) == true);
        Assert.Contains(trace, IsApiChatRequest);
    }

    private static bool IsApiChatRequest(DashboardSpan span) =>
        span.Service == "api" && span.Name.Contains("api/llm/chat", StringComparison.Ordinal);

    private static bool IsFakeModelChat(DashboardSpan span) =>
        span.Service == "api" && span.Attribute("gen_ai.request.model") == PlatformApp.FakeModel && span.Attribute("gen_ai.operation.name") == "chat";
}
