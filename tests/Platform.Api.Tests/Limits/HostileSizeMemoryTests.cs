using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Api.Tests.Limits;

/// <summary>
/// The real Api process on SQLite with the shipped default limits, under concurrent requests of the largest accepted
/// and of over-size inputs, over <see cref="Stored"/> outputs at the prompt cap: its resident memory must stay under
/// <see cref="CeilingMb"/> and every answer must be 2xx or 4xx.
/// </summary>
public sealed class HostileSizeMemoryTests(ITestOutputHelper output)
{
    /// <summary>
    /// About 4x the process's own resting size (~120-150 MB) and far below the 1-2 GB the same kind of requests took
    /// before the caps: 16 concurrent requests each holding at most a 1 MB body, its parsed form and one 500,000-character
    /// prompt fit well within it; any path that materialises expanded templates or whole lists of prompts does not.
    /// </summary>
    private const int CeilingMb = 600;

    private const int Concurrency = 16;
    private const int Rounds = 30;

    /// <summary>Outputs at the prompt cap stored before the hostile phase, so a list that carried full texts would hold 100+ MB.</summary>
    private const int Stored = 120;
    private const string AdminKey = "memory-admin-key-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resident_memory_stays_under_the_ceiling_while_hostile_sizes_arrive()
    {
        using var data = new TempDirectory("mem");
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>
        {
            ["Platform:AdminKey"] = AdminKey,
            ["Platform:DataDir"] = data.Path,
            ["ConnectionStrings:platformdb"] = $"Data Source={Path.Combine(data.Path, "api.db")}",
        }, Ct);
        using var http = new HttpClient { BaseAddress = api.Url, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);

        // Outputs at the prompt cap to list and read back, and every request kind once so JIT and pools are warm.
        var seeded = await SendAsync(http, Requests.AtCap());
        Assert.Equal(HttpStatusCode.Accepted, seeded.Status);
        var outputId = JsonDocument.Parse(seeded.Body).RootElement.GetProperty("outputId").GetGuid();
        for (var i = 1; i < Stored; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(http, Requests.AtCap())).Status);
        }
        var kinds = Requests.All(outputId);
        foreach (var kind in kinds)
        {
            try
            {
                var (status, _) = await SendAsync(http, kind.Build());
                output.WriteLine($"warm-up {kind.Name}: {(int)status}");
            }
            catch (HttpRequestException e)
            {
                output.WriteLine($"warm-up {kind.Name}: connection failed: {e.Message} {e.InnerException?.Message}");
            }
        }
        var before = api.Memory();

        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var peakRssKb = before.RssKb;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested && !api.HasExited)
            {
                peakRssKb = Math.Max(peakRssKb, api.Memory().RssKb);
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None);

        var queue = new ConcurrentQueue<Requests.Kind>(Enumerable.Range(0, Rounds).SelectMany(_ => kinds));
        var sent = queue.Count;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var kind))
            {
                try
                {
                    var (status, body) = await SendAsync(http, kind.Build());
                    statuses.AddOrUpdate($"{kind.Name} {(int)status}", 1, (_, n) => n + 1);
                    if ((int)status is < 200 or >= 500 || (int)status != kind.Expected)
                    {
                        failures.Enqueue($"{kind.Name}: {(int)status} {body[..Math.Min(300, body.Length)]}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Enqueue($"{kind.Name}: connection failed: {e.Message}");
                }
            }
        }, Ct)));
        await sampling.CancelAsync();
        await sampler;
        var after = api.Memory();

        output.WriteLine($"requests sent: {sent} ({Concurrency} concurrent)");
        foreach (var (kind, count) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind}: {count}");
        }
        output.WriteLine($"Api resident memory: before {before.RssKb / 1024} MB, peak while sampling {peakRssKb / 1024} MB, " +
            $"VmHWM (lifetime peak) {after.PeakKb / 1024} MB, after {after.RssKb / 1024} MB; ceiling {CeilingMb} MB");

        Assert.False(api.HasExited, api.Log);
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        Assert.True(after.PeakKb < CeilingMb * 1024, $"the Api's peak resident memory was {after.PeakKb / 1024} MB, over the {CeilingMb} MB ceiling");
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The request kinds, each with the status the default limits give it.</summary>
    private static class Requests
    {
        public sealed record Kind(string Name, int Expected, Func<HttpRequestMessage> Build);

        // Built once: the test process's own memory is not what is measured.
        private static readonly string AtCapBody = Json(new { template = "{{x}}{{x}}", context = new { x = new string('a', 240_000) } });
        private static readonly string ExpandingBody = Json(new
        {
            template = string.Concat(Enumerable.Repeat("{{x}}", 20_000)),
            context = new { x = new string('v', 250_000) },
        });
        private static readonly string BigContextBody = Json(new { template = "{{x}}", context = new { x = new string('c', 400_000) } });
        private static readonly string DeepContextBody = Json(new { template = "x", context = Deep(40) });
        private static readonly string TwoMegabytes = Json(new { template = new string('t', 2_000_000) });
        private static readonly string RegenerateAtCap = Json(new { context = new { x = new string('b', 240_000) } });
        private static readonly string RegenerateTooBig = Json(new { context = new { y = new string('z', 300_000) } });
        private static readonly string ManyMessages = Json(new { messages = Enumerable.Range(0, 600).Select(i => new { role = "user", content = "hi" }) });
        private static readonly string BigUser = Json(new { name = new string('n', 100_000), email = "big@example.com", role = "member" });

        public static HttpRequestMessage AtCap() => Post("/api/jobs", AtCapBody);

        public static IReadOnlyList<Kind> All(Guid outputId) =>
        [
            new("enqueue at the prompt cap", 202, AtCap),
            new("enqueue expanding to 5 GB", 400, () => Post("/api/jobs", ExpandingBody)),
            new("enqueue 400 KB context", 400, () => Post("/api/jobs", BigContextBody)),
            new("enqueue 40-deep context", 400, () => Post("/api/jobs", DeepContextBody)),
            new("enqueue 2 MB body", 413, () => Post("/api/jobs", TwoMegabytes)),
            new("enqueue 2 MB chunked body", 413, () => Post("/api/jobs", TwoMegabytes, chunked: true)),
            new("list outputs limit=200", 200, () => new HttpRequestMessage(HttpMethod.Get, "/api/outputs?limit=200")),
            new("list jobs limit=200", 200, () => new HttpRequestMessage(HttpMethod.Get, "/api/jobs?limit=200")),
            new("list limit=100000", 400, () => new HttpRequestMessage(HttpMethod.Get, "/api/outputs?limit=100000")),
            new("output detail (480,000-char prompt)", 200, () => new HttpRequestMessage(HttpMethod.Get, $"/api/outputs/{outputId}")),
            new("regenerate at the prompt cap", 202, () => Post($"/api/outputs/{outputId}/regenerate", RegenerateAtCap)),
            new("regenerate 300 KB override", 400, () => Post($"/api/outputs/{outputId}/regenerate", RegenerateTooBig)),
            new("chat 600 messages", 400, () => Post("/api/llm/chat", ManyMessages)),
            new("chat 2 MB body", 413, () => Post("/v1/chat/completions", TwoMegabytes)),
            new("create user 100 KB", 413, () => Post("/api/users", BigUser)),
        ];

        private static HttpRequestMessage Post(string path, string body, bool chunked = false)
        {
            HttpContent content = chunked
                ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
                : new StringContent(body, Encoding.UTF8, "application/json");
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            // As curl does for large bodies: the client waits for the server's go-ahead, so a body refused from its
            // Content-Length is never sent.
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.ExpectContinue = true;
            if (chunked)
            {
                request.Headers.TransferEncodingChunked = true;
            }
            return request;
        }

        private static object Deep(int levels) => levels == 0 ? 1 : new { a = Deep(levels - 1) };

        private static string Json(object value) => JsonSerializer.Serialize(value);
    }
}
