using System.Net.Http.Headers;
using System.Text;
using Platform.Bench.Load;
using Platform.Testing;
using Platform.Testing.FakeLlm;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// The same OpenAI chat completion sent straight to the fake provider and through the platform's
/// /v1/chat/completions (cache bypassed, interactions recorded), at a fixed rate and at saturation; then cache hits.
/// Options: [rate=1000] [seconds=10] [concurrency=64] [db="connection string"].
/// </summary>
public sealed class GatewayOverheadBenchmark : IBenchmark
{
    private const string Body = """{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello to the benchmark"}]}""";

    public string Description => "added latency and throughput of /v1/chat/completions over a direct provider call";

    public async Task RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var rate = options.Int("rate", 1000);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 10));
        var concurrency = options.Int("concurrency", 64);

        await using var fake = await FakeLlmServer.StartAsync();
        fake.Reply = "Hello, benchmark!";
        using var data = new TempDirectory("bench-gw");
        await using var api = await ApiProcess.StartAsync(Infra.FreePort(), new Dictionary<string, string>
        {
            ["Platform__AdminKey"] = "bench-admin-key",
            ["Platform__DataDir"] = data.Path,
            ["ConnectionStrings__platformdb"] = options.String("db") ?? $"Data Source={Path.Combine(data.Path, "bench.db")}",
            ["Llm__DefaultModel"] = "gpt-4o-mini",
            ["Llm__Providers__fake__Type"] = "openai",
            ["Llm__Providers__fake__BaseUrl"] = fake.OpenAIBaseUrl,
            ["Llm__Providers__fake__ApiKey"] = FakeLlmServer.DefaultApiKey,
            ["Llm__Providers__fake__Models__0"] = "gpt-4o-mini",
        });
        Console.WriteLine($"fake provider: {fake.BaseUrl}, api: {api.Url}, database: {(options.String("db") is null ? "sqlite" : "given")}");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var direct = Caller(http, fake.OpenAIBaseUrl + "/chat/completions", FakeLlmServer.DefaultApiKey, noCache: false);
        var gateway = Caller(http, api.Url + "/v1/chat/completions", "bench-admin-key", noCache: true);
        var cached = Caller(http, api.Url + "/v1/chat/completions", "bench-admin-key", noCache: false);

        Console.WriteLine("warming up...");
        await LoadGenerator.SaturateAsync(direct, 16, TimeSpan.FromSeconds(3));
        await LoadGenerator.SaturateAsync(gateway, 16, TimeSpan.FromSeconds(5));

        Console.WriteLine($"fixed rate: {rate} requests/s for {duration.TotalSeconds} s each");
        var directFixed = await LoadGenerator.FixedRateAsync(direct, rate, duration);
        var gatewayFixed = await LoadGenerator.FixedRateAsync(gateway, rate, duration);
        Print("direct  ", directFixed);
        Print("gateway ", gatewayFixed);
        Console.WriteLine($"added latency at {rate}/s: p50 {gatewayFixed.P50 - directFixed.P50:0.000} ms, p99 {gatewayFixed.P99 - directFixed.P99:0.000} ms");

        Console.WriteLine($"saturation: {concurrency} concurrent callers for {duration.TotalSeconds} s each");
        var directMax = await LoadGenerator.SaturateAsync(direct, concurrency, duration);
        var gatewayMax = await LoadGenerator.SaturateAsync(gateway, concurrency, duration);
        Print("direct  ", directMax);
        Print("gateway ", gatewayMax);
        Console.WriteLine($"throughput ratio gateway/direct: {gatewayMax.Rate / directMax.Rate:0.000}");

        await cached();
        var providerBefore = fake.RequestCount;
        var hits = await LoadGenerator.FixedRateAsync(cached, Math.Min(rate, 1000), TimeSpan.FromSeconds(5));
        Print("cache hit", hits);
        // One caller at a time: the latency of a hit itself, with no queueing behind other requests.
        var sequentialHits = await LoadGenerator.SaturateAsync(cached, 1, TimeSpan.FromSeconds(5));
        Print("cache hit, one caller", sequentialHits);
        Console.WriteLine($"provider requests during the cache-hit run: {fake.RequestCount - providerBefore} ({fake.RequestCount} in total so far)");
    }

    private static Func<Task<bool>> Caller(HttpClient http, string url, string key, bool noCache) => async () =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (noCache)
        {
            request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        }
        try
        {
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    };

    private static void Print(string name, LoadResult result) =>
        Console.WriteLine($"{name}: {result.LatenciesMs.Length} requests, {result.Rate:0} /s, p50 {result.P50:0.000} ms, p99 {result.P99:0.000} ms, errors {result.Errors}");
}
