using Platform.Bench.Benchmarks.Gateway;
using Platform.Bench.Load;
using Platform.Testing;

namespace Platform.Bench.Benchmarks;

/// <summary>
/// The platform's gateway against Portkey's open-source gateway, a bare YARP forwarder and calling the fake provider
/// directly, in interleaved rounds (direct, platform, YARP, Portkey, direct, ...) on one upstream in its own process: the added
/// latency at a fixed rate, throughput at saturation, CPU per request and resident memory.
/// Options: [rounds=3] [seconds=10] [rate=1000] [low-rate=200] (a second fixed rate, 0 for none) [concurrency=64];
/// [warmup=20] seconds per target at 16 connections first, and for the platform then on until its JIT has settled
/// (at most [settle=180] seconds more; settle=0 for the fixed warm-up alone: see <see cref="Gateway.JitSettle"/>);
/// [api-env="NAME=value;NAME=value"] extra environment for the Api only (e.g. to compare GC settings);
/// [portkey=false] without Portkey (e.g. while profiling); [yarp=false] without the bare YARP forwarder (the floor under any
/// .NET gateway: see <see cref="Gateway.YarpForwarderHost"/>);
/// [api=/path/to/Platform.Api.dll] another build of the Api (e.g. a copy of main's, for an A/B by CPU per request).
/// </summary>
public sealed class GatewayVsPeersBenchmark : IBenchmark
{
    public string Description => "the gateway against Portkey's gateway and direct calls, interleaved rounds";

    public async Task RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var rounds = options.Int("rounds", 3);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 10));
        var rate = options.Int("rate", 1000);
        var concurrency = options.Int("concurrency", 64);
        var lowRate = options.Int("low-rate", 200);
        var warmup = TimeSpan.FromSeconds(options.Int("warmup", 20));
        var settle = TimeSpan.FromSeconds(options.Int("settle", 180));

        await using var upstream = await FakeUpstreamProcess.StartAsync();
        await using var portkey = options.String("portkey") == "false" ? null : await PortkeyPeer.StartAsync();
        await using var yarp = options.String("yarp") == "false" ? null
            : await BenchChildProcess.StartAsync(["yarp-forwarder", upstream.BaseUrl], YarpForwarderHost.UrlLine);
        using var data = new TempDirectory("bench-gw-peers");
        await using var api = await ApiProcess.StartAsync(Infra.FreePort(), options.WithApiEnvironment(ApiEnvironment(upstream, data.Path)), options.ApiDll);
        Console.WriteLine($"fake provider: {upstream.BaseUrl} (own process), platform: {api.Url} (SQLite, telemetry exported to a sink at {upstream.OtlpUrl}), " +
                          $"yarp: {yarp?.Lines[YarpForwarderHost.UrlLine] ?? "not run"}, portkey: {portkey?.Url ?? "not run"}; " +
                          $"rounds={rounds} seconds={duration.TotalSeconds} rate={rate} low-rate={lowRate} concurrency={concurrency}" +
                          (options.String("api-env") is { } extra ? $", api-env: {extra}" : "") + (options.String("api") is { } dll ? $", api: {dll}" : ""));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(30) });
        var fakeKey = Platform.Testing.FakeLlm.FakeLlmServer.DefaultApiKey;
        var direct = GatewayTarget.Post("direct", http, upstream.OpenAIBaseUrl + "/chat/completions", fakeKey);
        var platform = new GatewayUnderTest(GatewayTarget.Post("platform", http, api.Url + "/v1/chat/completions", AdminKey,
            new Dictionary<string, string> { ["Cache-Control"] = "no-cache" }), api.CpuMilliseconds, api.ResidentMiB);
        // The other gateways in the order each round runs them, after the platform.
        var peers = new List<GatewayUnderTest>();
        if (yarp is not null)
        {
            peers.Add(new GatewayUnderTest(GatewayTarget.Post("yarp", http, yarp.Lines[YarpForwarderHost.UrlLine] + "/v1/chat/completions", fakeKey),
                yarp.CpuMilliseconds, yarp.ResidentMiB));
        }
        if (portkey is not null)
        {
            peers.Add(new GatewayUnderTest(GatewayTarget.Post("portkey", http, portkey.Url + "/v1/chat/completions", fakeKey,
                new Dictionary<string, string> { ["x-portkey-provider"] = "openai", ["x-portkey-custom-host"] = upstream.OpenAIBaseUrl }),
                portkey.Node.CpuMilliseconds, portkey.Node.ResidentMiB));
        }

        Console.WriteLine($"warming up, {warmup.TotalSeconds} s each at 16 connections...");
        foreach (var target in new[] { direct, platform.Target }.Concat(peers.Select(p => p.Target)))
        {
            var result = await LoadGenerator.SaturateAsync(target.Call, 16, warmup);
            if (result.Errors > 0 || result.LatenciesMs.Length == 0)
            {
                throw new InvalidOperationException($"{target.Name}: {result.Errors} of {result.LatenciesMs.Length} warm-up requests failed");
            }
        }
        if (settle > TimeSpan.Zero)
        {
            var (took, jit) = await JitSettle.WarmAsync(platform.Target.Call, 16, api.Id, settle);
            Console.WriteLine($"platform warmed {took.TotalSeconds:0} s more until its JIT settled (JIT thread {jit:P1} of the last 5 s" +
                              (jit >= JitSettle.QuietShare ? $", still above {JitSettle.QuietShare:P0}: settle cap reached" : "") + $"); Api RSS now {api.ResidentMiB():0} MiB");
        }

        var figures = new GatewayFigures(rate, concurrency);
        // At a rate every target can serve, latency is latency and not a queue (Portkey falls behind at 1,000/s here).
        var lowFigures = lowRate > 0 ? new GatewayFigures(lowRate, concurrency) : null;
        async Task FixedRatePhaseAsync(int phaseRate, GatewayFigures into)
        {
            var directFixed = await LoadGenerator.FixedRateAsync(direct.Call, phaseRate, duration);
            Print($"direct   {phaseRate}/s", directFixed, rate: phaseRate);
            var platformFixed = await platform.FixedRateAsync(phaseRate, duration);
            var peerRuns = new Dictionary<string, GatewayRun>();
            foreach (var peer in peers)
            {
                peerRuns[peer.Target.Name] = await peer.FixedRateAsync(phaseRate, duration);
            }
            foreach (var (name, run) in peerRuns.Prepend(new("platform", platformFixed)))
            {
                Print($"{name,-8} {phaseRate}/s", run.Result, run.Cost, phaseRate);
            }
            into.AddFixedRate(directFixed, platformFixed, peerRuns);
        }

        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"round {round}/{rounds}, load average {MachineInfo.LoadAverage()}");
            await FixedRatePhaseAsync(rate, figures);
            if (lowFigures is not null)
            {
                await FixedRatePhaseAsync(lowRate, lowFigures);
            }

            var directMax = await LoadGenerator.SaturateAsync(direct.Call, concurrency, duration);
            var platformMax = await LoadGenerator.SaturateAsync(platform.Target.Call, concurrency, duration);
            var peerMax = new Dictionary<string, LoadResult>();
            foreach (var peer in peers)
            {
                peerMax[peer.Target.Name] = await LoadGenerator.SaturateAsync(peer.Target.Call, concurrency, duration);
            }
            Print($"direct   x{concurrency}", directMax);
            foreach (var (name, result) in peerMax.Prepend(new("platform", platformMax)))
            {
                Print($"{name,-8} x{concurrency}", result);
            }
            figures.AddSaturation(directMax, platformMax, peerMax);
        }

        lowFigures?.Print();
        figures.Print();
        Console.WriteLine($"peak resident set (VmHWM) over the whole run: platform Api {api.PeakResidentMiB():0} MiB" +
                          (yarp is null ? "" : $", yarp {yarp.PeakResidentMiB():0} MiB") +
                          (portkey is null ? "" : $", portkey node {portkey.Node.PeakResidentMiB():0} MiB"));
        Console.WriteLine($"load average at the end: {MachineInfo.LoadAverage()}");
    }

    /// <summary>A gateway process under test: how to call it, and how to read its CPU time and resident set.</summary>
    private sealed record GatewayUnderTest(GatewayTarget Target, Func<double> CpuMs, Func<double> ResidentMiB)
    {
        public Task<GatewayRun> FixedRateAsync(int rate, TimeSpan duration) =>
            MeasuredAsync(() => LoadGenerator.FixedRateAsync(Target.Call, rate, duration), CpuMs, ResidentMiB);
    }

    private const string AdminKey = "bench-admin-key";

    /// <summary>
    /// Production defaults but for the provider: telemetry exported (to a sink), Information logging, every call recorded
    /// through the interaction buffer into the database (SQLite in a temp directory), the memory cache bypassed per request.
    /// </summary>
    private static Dictionary<string, string> ApiEnvironment(FakeUpstreamProcess upstream, string dataDir) => new()
    {
        ["Logging__LogLevel__Default"] = "Information",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = upstream.OtlpUrl,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["Platform__AdminKey"] = AdminKey,
        ["Platform__DataDir"] = dataDir,
        ["ConnectionStrings__platformdb"] = $"Data Source={Path.Combine(dataDir, "bench.db")}",
        ["Llm__DefaultModel"] = "gpt-4o-mini",
        ["Llm__Providers__fake__Type"] = "openai",
        ["Llm__Providers__fake__BaseUrl"] = upstream.OpenAIBaseUrl,
        ["Llm__Providers__fake__ApiKey"] = Platform.Testing.FakeLlm.FakeLlmServer.DefaultApiKey,
        ["Llm__Providers__fake__Models__0"] = "gpt-4o-mini",
    };

    /// <summary>Runs <paramref name="load"/> while sampling the gateway process's resident set; its CPU per request.</summary>
    private static async Task<GatewayRun> MeasuredAsync(Func<Task<LoadResult>> load, Func<double> cpuMs, Func<double> residentMiB)
    {
        var cpuBefore = cpuMs();
        var maxResident = residentMiB();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                maxResident = Math.Max(maxResident, residentMiB());
            }
        });
        var result = await load();
        stop.Cancel();
        await sampler.ContinueWith(_ => { }, TaskScheduler.Default);
        var requests = Math.Max(1, result.LatenciesMs.Length);
        return new GatewayRun(result, new GatewayCost((cpuMs() - cpuBefore) / requests, maxResident));
    }

    private static void Print(string name, LoadResult? result, GatewayCost? cost = null, int? rate = null)
    {
        if (result is null)
        {
            return;
        }
        // An open-loop run above what a target can serve measures its queue, not its latency: say so next to the figure.
        var overloaded = rate is { } r && result.Rate < 0.95 * r ? " — OVERLOADED (could not keep the rate; its latency is queueing)" : "";
        Console.WriteLine($"  {name}: {result.LatenciesMs.Length} requests, {result.Rate:0}/s, p50 {result.P50:0.000} ms, p99 {result.P99:0.000} ms, errors {result.Errors}" +
                          (cost is { } c && c.MaxResidentMiB > 0 ? $", CPU {c.CpuMsPerRequest:0.000} ms/request, VmRSS max {c.MaxResidentMiB:0} MiB" : "") + overloaded);
    }
}
