using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Testing;
using TempDirectory = Platform.Testing.TempDirectory;
using Platform.Testing.FakeLlm;
using static Microsoft.Playwright.Assertions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The Insights pages against the real Api, Worker and Web, over interactions made through the gateway with the fake
/// provider (some of them failing). Other tests share the platform, so every record here carries its own type.
/// </summary>
[Collection(EmbeddedCollection.Name)]
public sealed class InsightsTests(EmbeddedPlatform platform)
{
    private static readonly TimeSpan RecordDeadline = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_log_filters_opens_a_detail_takes_feedback_and_downloads_the_filtered_csv_and_the_metrics_follow()
    {
        var app = platform.App;
        using var api = app.CreateAdminClient();
        var type = $"e2e-{Guid.NewGuid():N}"[..16];
        var missingVariable = $"audience_{Guid.NewGuid():N}"[..20];
        // Quotes, a comma and a newline: the CSV must round-trip them.
        var prompts = Enumerable.Range(1, 5).Select(n => $"Say \"hi\", number {n}\nthen stop ({type})").ToArray();

        var answered = await ChatAsync(api, prompts[0], type);
        await ChatAsync(api, prompts[1], type);
        await ChatAsync(api, prompts[2], type, requiredVariables: [missingVariable]);
        app.Fake.Enqueue(FakeFault.Status(400, message: "context too long"));
        app.Fake.Enqueue(FakeFault.Status(400, message: "context too long"));
        await ChatAsync(api, prompts[3], type, expected: HttpStatusCode.BadRequest);
        await ChatAsync(api, prompts[4], type, expected: HttpStatusCode.BadRequest);
        var records = await WaitForRecordsAsync(api, type, 5);
        var failureIds = records.Where(r => (string?)r["status"] == "failure").Select(r => (string)r["id"]!).Order().ToList();
        Assert.Equal(2, failureIds.Count);
        var answeredId = (string)answered!["interactionId"]!;
        var incompleteId = records.Single(r => (bool)r["allVariablesPresent"]! == false)["id"]!.ToString();

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
            var rows = page.Locator("[data-test='interaction-table'] tr[data-interaction]");

            // The log: the type filter from the URL, then the status filter from the bar, which goes into the URL.
            await page.GotoAsync(new Uri(app.WebUrl, $"interactions?type={type}").ToString());
            await Expect(rows).ToHaveCountAsync(5);
            // Dates are whole UTC days: from yesterday holds every record; a "to" before "from" is the Api's 400, shown.
            var yesterday = DateTime.UtcNow.Date.AddDays(-1);
            await Test(page, "filter-from").FillAsync(Day(yesterday));
            await Expect(page).ToHaveURLAsync(new Regex($"from={Day(yesterday)}"));
            // The reversed window comes from the URL: typed into the bar right after the navigation above, a fill can
            // land on the input that the navigation's render is about to replace.
            await page.GotoAsync(new Uri(app.WebUrl, $"interactions?type={type}&from={Day(yesterday)}&to={Day(yesterday.AddDays(-1))}").ToString());
            await Expect(Test(page, "interactions-error")).ToContainTextAsync("to:");
            await page.GotoAsync(new Uri(app.WebUrl, $"interactions?type={type}&from={Day(yesterday)}").ToString());
            await Expect(Test(page, "interactions-error")).ToHaveCountAsync(0);
            await Expect(rows).ToHaveCountAsync(5);
            await Test(page, "filter-status").SelectOptionAsync("failure");
            await Expect(page).ToHaveURLAsync(new Regex($"/interactions\\?(?=.*type={type})(?=.*status=failure)(?=.*from=)"));
            await Expect(rows).ToHaveCountAsync(2);
            Assert.Equal(failureIds, (await AttributesAsync(rows, "data-interaction")).Order());
            await Expect(rows.Locator("[data-test='interaction-status']")).ToHaveTextAsync(["failure", "failure"]);

            // The CSV link downloads what the filters select, and it parses back to the same texts.
            var download = await page.RunAndWaitForDownloadAsync(() => Test(page, "export-csv").ClickAsync());
            Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
            using var folder = new TempDirectory("insights-export");
            var file = Path.Combine(folder.Path, download.SuggestedFilename);
            await download.SaveAsAsync(file);
            var exported = await ReadCsvAsync(file);
            Assert.Equal(failureIds, exported.Select(r => r["id"]).Order());
            Assert.All(exported, r => Assert.Equal(("failure", type), (r["status"], r["type"])));
            Assert.Equal(prompts[3..].Order(), exported.Select(r => r["rendered_prompt"]).Order());
            Assert.All(exported, r => Assert.Contains("context too long", r["error_message"], StringComparison.Ordinal));

            // A click on a row opens the whole record.
            await page.GotoAsync(new Uri(app.WebUrl, $"interactions?type={type}&status=success").ToString());
            await Expect(rows).ToHaveCountAsync(3);
            await page.Locator($"tr[data-interaction='{answeredId}'] td").Nth(1).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/interactions/{answeredId}$"));
            await Expect(Test(page, "interaction-prompt")).ToHaveTextAsync(prompts[0]);
            await Expect(Test(page, "interaction-response")).ToHaveTextAsync((string)answered["content"]!);
            await Expect(Test(page, "interaction-model")).ToHaveTextAsync(PlatformApp.FakeModel);

            // Feedback: the Api's 400 is shown under the field it names; a valid one is stored.
            await Test(page, "feedback-quality-input").FillAsync("101");
            await Test(page, "feedback-save").ClickAsync();
            await Expect(Test(page, "error-qualityScore")).ToContainTextAsync("between 0 and 100");
            await Test(page, "feedback-quality-input").FillAsync("80");
            await Test(page, "feedback-verdict-input").SelectOptionAsync("accepted");
            await Test(page, "feedback-save").ClickAsync();
            await Expect(Test(page, "feedback-quality")).ToHaveTextAsync("80");
            await Expect(Test(page, "feedback-verdict")).ToHaveTextAsync("accepted");
            await Expect(Test(page, "error-qualityScore")).ToHaveCountAsync(0);
            var stored = await GetAsync(api, $"api/interactions/{answeredId}");
            Assert.Equal(80, (double)stored["feedback"]!["qualityScore"]!);
            Assert.Equal("accepted", (string?)stored["feedback"]!["verdict"]);

            // The failed call's detail shows its error; the incomplete one its missing variable, also on the data quality page.
            await page.GotoAsync(new Uri(app.WebUrl, $"interactions/{failureIds[0]}").ToString());
            await Expect(Test(page, "interaction-error")).ToContainTextAsync("context too long");
            await page.GotoAsync(new Uri(app.WebUrl, $"interactions/{incompleteId}").ToString());
            await Expect(Test(page, "interaction-missing")).ToContainTextAsync(missingVariable);
            await page.GotoAsync(new Uri(app.WebUrl, "insights/data-quality").ToString());
            await Expect(Test(page, "missing-variable-table")).ToContainTextAsync(missingVariable);
            await page.GotoAsync(new Uri(app.WebUrl, "insights/failures").ToString());
            await Expect(page.Locator($"[data-test='failure-table'] tr[data-interaction='{failureIds[1]}']")).ToContainTextAsync("context too long");

            // Metrics of this type only: the cards, a drawn chart, the breakdowns; a new call shows up without a reload.
            await page.GotoAsync(new Uri(app.WebUrl, $"insights?type={type}").ToString());
            await Expect(Stat(page, "total")).ToHaveTextAsync("5");
            await Expect(Stat(page, "failure-rate")).ToHaveTextAsync("40 %");
            await Expect(Stat(page, "success-rate")).ToHaveTextAsync("60 %");
            await Expect(Stat(page, "quality-score")).ToHaveTextAsync("80");
            await Expect(page.Locator("[data-test='chart-volume'] svg path").First).ToBeAttachedAsync();
            await Expect(page.Locator("[data-test='breakdown-status'] tr[data-key='failure']")).ToContainTextAsync("2");
            // The one call given a verdict counts under it, not under no_feedback.
            await Expect(page.Locator("[data-test='breakdown-feedback'] tr[data-key='no_feedback']")).ToContainTextAsync("4");
            await Expect(page.Locator("[data-test='breakdown-feedback'] tr[data-key='accepted']")).ToContainTextAsync("1");
            await Expect(Test(page, "export-csv")).ToHaveAttributeAsync("href", new Regex($"type={type}"));
            await ChatAsync(api, "one more", type);
            await WaitForRecordsAsync(api, type, 6);
            await Expect(Stat(page, "total")).ToHaveTextAsync("6", new() { Timeout = 90_000 });
        }
    }

    [Fact]
    public async Task The_alerts_page_shows_the_Apis_validation_then_creates_and_deletes_a_rule()
    {
        var app = platform.App;
        using var api = app.CreateAdminClient();
        var name = $"e2e failures {Guid.NewGuid():N}"[..24];
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.SignedInPageAsync(browser, app.WebUrl);
            await page.GotoAsync(new Uri(app.WebUrl, "alerts").ToString());
            await Expect(Test(page, "alert-rule-form")).ToBeVisibleAsync();

            await Test(page, "alert-threshold").FillAsync("150");
            await Test(page, "alert-create").ClickAsync();
            await Expect(Test(page, "error-name")).ToBeVisibleAsync();
            await Expect(Test(page, "error-threshold")).ToContainTextAsync("percentage");

            await Test(page, "alert-name").FillAsync(name);
            await Test(page, "alert-threshold").FillAsync("25");
            await Test(page, "alert-window").FillAsync("10");
            await Test(page, "alert-create").ClickAsync();
            var row = page.Locator($"[data-test='alert-rule-table'] tr[data-rule='{name}']");
            await Expect(row).ToContainTextAsync("25 %");
            await Expect(row.Locator("[data-test='alert-rule-state']")).ToHaveTextAsync("ok");
            await Expect(Test(page, "error-name")).ToHaveCountAsync(0);
            var rules = await api.GetFromJsonAsync<JsonArray>("api/alerts", Ct);
            var created = rules!.Single(r => (string?)r!["name"] == name)!;
            Assert.Equal(("failure_rate", 25.0, 10), ((string?)created["kind"], (double)created["threshold"]!, (int)created["windowMinutes"]!));

            await row.Locator("[data-test='alert-delete']").ClickAsync();
            await page.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete rule" }).ClickAsync();
            await Expect(row).ToHaveCountAsync(0);
            rules = await api.GetFromJsonAsync<JsonArray>("api/alerts", Ct);
            Assert.DoesNotContain(rules!, r => (string?)r!["name"] == name);
        }
    }

    private static ILocator Test(IPage page, string name) => page.Locator($"[data-test='{name}']");

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ILocator Stat(IPage page, string card) => page.Locator($"[data-test='metric-{card}'] .stat-value");

    private static async Task<List<string>> AttributesAsync(ILocator rows, string attribute)
    {
        var values = new List<string>();
        foreach (var row in await rows.AllAsync())
        {
            values.Add(await row.GetAttributeAsync(attribute) ?? "");
        }
        return values;
    }

    private static async Task<JsonObject?> ChatAsync(
        HttpClient api, string prompt, string type, HttpStatusCode expected = HttpStatusCode.OK, string[]? requiredVariables = null)
    {
        using var response = await api.PostAsJsonAsync("api/llm/chat", new
        {
            messages = new[] { new { role = "user", content = prompt } },
            model = PlatformApp.FakeModel,
            useCache = false,
            type,
            requiredVariables,
        }, Ct);
        Assert.True(response.StatusCode == expected, $"chat: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return expected == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>(Ct) : null;
    }

    /// <summary>Interactions are written off the request path: polls the log until all of them are there.</summary>
    private static async Task<List<JsonObject>> WaitForRecordsAsync(HttpClient api, string type, int count)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(RecordDeadline);
        while (true)
        {
            var page = await api.GetFromJsonAsync<JsonObject>($"api/interactions?type={type}&limit=500", deadline.Token);
            var items = page!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            if (items.Count >= count)
            {
                Assert.Equal(count, items.Count);
                return items;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    private static async Task<JsonObject> GetAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    /// <summary>CsvHelper's reader, as the Api's own export tests read it: one dictionary per row, keyed by the header.</summary>
    private static async Task<List<Dictionary<string, string?>>> ReadCsvAsync(string file)
    {
        var rows = new List<Dictionary<string, string?>>();
        await using var body = File.OpenRead(file);
        await using var reader = CsvHelper.CsvReader.Create(body);
        await foreach (var row in reader)
        {
            rows.Add(row.ToDictionary());
        }
        return rows;
    }
}
