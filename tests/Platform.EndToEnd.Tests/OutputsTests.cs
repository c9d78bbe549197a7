using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>A job run by the real Worker (offline provider), then its output rated and re-run from the Outputs page.</summary>
[Collection(EmbeddedCollection.Name)]
public sealed class OutputsTests(EmbeddedPlatform platform)
{
    // Generous bounds for a cold AppHost on a slow machine; nothing is asserted about how long it takes.
    private static readonly TimeSpan JobDeadline = TimeSpan.FromMinutes(2);
    private const float ExpectTimeoutMs = 60_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_finished_job_output_keeps_its_thumbs_up_and_a_rerun_opens_a_child_output()
    {
        var app = platform.App;
        using var api = app.CreateAdminClient();

        var text = $"Paris is the capital of France. {Guid.NewGuid():N}";
        using var enqueued = await api.PostAsJsonAsync("api/jobs", new
        {
            template = "Summarize: {{text}}",
            context = new { text },
            format = "markdown",
            model = "offline-1",
        }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, enqueued.StatusCode);
        var accepted = await ReadAsync(enqueued);
        var jobId = (string)accepted["jobId"]!;
        var outputId = (string)accepted["outputId"]!;
        await WaitForJobAsync(api, jobId, "succeeded");

        // The Worker's span for this job reaches the dashboard.
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            deadline.CancelAfter(JobDeadline);
            var trace = await app.Dashboard.WaitForTraceAsync(
                spans => spans.Any(s => s.Service == "worker" && s.Scope == "Platform.Jobs" && s.Attribute("job.id") == jobId), deadline.Token);
            Assert.Contains(trace, s => s.Service == "worker" && s.Name.StartsWith("job ", StringComparison.Ordinal));
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
            await page.GotoAsync(new Uri(app.WebUrl, $"outputs/{outputId}").ToString());
            await Expect(Test(page, "output-status")).ToHaveTextAsync("completed");
            await Expect(Test(page, "output-content")).ToContainTextAsync("[offline provider]");
            await Expect(Test(page, "output-prompt")).ToContainTextAsync(text);

            await Test(page, "thumbs-up").ClickAsync();
            await Expect(Test(page, "thumbs-up")).ToHaveAttributeAsync("aria-pressed", "true");
            Assert.Equal("thumbs_up", (string?)(await GetAsync(api, $"api/outputs/{outputId}", Ct))["feedback"]);
            await page.ReloadAsync();
            await Expect(Test(page, "thumbs-up")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(Test(page, "thumbs-down")).ToHaveAttributeAsync("aria-pressed", "false");

            await Test(page, "rerun").ClickAsync();
            var otherOutput = new Regex($"/outputs/(?!{outputId})[0-9a-f-]{{36}}$");
            await Expect(page).ToHaveURLAsync(otherOutput, new() { Timeout = ExpectTimeoutMs });
            var childId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            await Expect(Test(page, "parent-link")).ToHaveAttributeAsync("href", $"outputs/{outputId}");
            Assert.Equal(outputId, (string?)(await GetAsync(api, $"api/outputs/{childId}", Ct))["parentId"]);

            // The page refreshes itself while the re-run is pending, so it completes without a reload.
            await Expect(Test(page, "output-status")).ToHaveTextAsync("completed", new() { Timeout = ExpectTimeoutMs });
            await Expect(Test(page, "output-content")).ToContainTextAsync("[offline provider]");
            await Expect(Test(page, "thumbs-up")).ToHaveAttributeAsync("aria-pressed", "false");
        }
    }

    private static ILocator Test(IPage page, string name) => page.Locator($"[data-test='{name}']");

    /// <summary>Polls the job until it reaches <paramref name="status"/>; a job that ends otherwise fails the test with its error.</summary>
    private static async Task WaitForJobAsync(HttpClient api, string jobId, string status)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(JobDeadline);
        while (true)
        {
            var job = await GetAsync(api, $"api/jobs/{jobId}", deadline.Token);
            var current = (string?)job["status"];
            if (current == status)
            {
                return;
            }
            Assert.False(current is "succeeded" or "failed" or "cancelled", $"job {jobId} ended {current}: {job["error"]}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    private static async Task<JsonObject> GetAsync(HttpClient api, string path, CancellationToken ct)
    {
        using var response = await api.GetAsync(path, ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await ReadAsync(response);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
}
