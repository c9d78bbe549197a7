using Platform.Bench.Load;
using Platform.Bench.Peers;

namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>
/// The figures of gateway-vs-peers, round by round: the platform against Portkey (with the added latency of each over the
/// direct call of the same round) and the platform against the direct call (the floor).
/// </summary>
public sealed class GatewayFigures(int rate, int concurrency)
{
    private readonly AbRounds _addedP50 = new($"added p50 over direct at {rate}/s", "ms", "platform", "portkey", higherIsBetter: false);
    private readonly AbRounds _addedP99 = new($"added p99 over direct at {rate}/s", "ms", "platform", "portkey", higherIsBetter: false);
    private readonly AbRounds _p50 = new($"p50 at {rate}/s", "ms", "platform", "portkey", higherIsBetter: false);
    private readonly AbRounds _p99 = new($"p99 at {rate}/s", "ms", "platform", "portkey", higherIsBetter: false);
    private readonly AbRounds _cpu = new($"gateway CPU per request at {rate}/s", "ms", "platform", "portkey", higherIsBetter: false);
    private readonly AbRounds _rss = new($"gateway RSS at {rate}/s (VmRSS max)", "MiB", "platform", "portkey", higherIsBetter: false);
    private readonly AbRounds _throughput = new($"req/s, {concurrency} connections", "/s", "platform", "portkey", higherIsBetter: true);
    private readonly AbRounds _share = new($"throughput / direct, {concurrency} connections", "x", "platform", "portkey", higherIsBetter: true);
    private readonly AbRounds _directP50 = new($"p50 at {rate}/s", "ms", "platform", "direct", higherIsBetter: false);
    private readonly AbRounds _directP99 = new($"p99 at {rate}/s", "ms", "platform", "direct", higherIsBetter: false);
    private readonly AbRounds _directThroughput = new($"req/s, {concurrency} connections", "/s", "platform", "direct", higherIsBetter: true);

    /// <summary>One round at the fixed rate: each target's latencies, and each gateway's CPU use and resident set.</summary>
    public void AddFixedRate(LoadResult direct, LoadResult platform, LoadResult? portkey, GatewayCost platformCost, GatewayCost portkeyCost)
    {
        _directP50.AddPlatform(platform.P50);
        _directP50.AddPeer(direct.P50);
        _directP99.AddPlatform(platform.P99);
        _directP99.AddPeer(direct.P99);
        _addedP50.AddPlatform(platform.P50 - direct.P50);
        _addedP99.AddPlatform(platform.P99 - direct.P99);
        _p50.AddPlatform(platform.P50);
        _p99.AddPlatform(platform.P99);
        _cpu.AddPlatform(platformCost.CpuMsPerRequest);
        _rss.AddPlatform(platformCost.MaxResidentMiB);
        if (portkey is null)
        {
            return;
        }
        _addedP50.AddPeer(portkey.P50 - direct.P50);
        _addedP99.AddPeer(portkey.P99 - direct.P99);
        _p50.AddPeer(portkey.P50);
        _p99.AddPeer(portkey.P99);
        _cpu.AddPeer(portkeyCost.CpuMsPerRequest);
        _rss.AddPeer(portkeyCost.MaxResidentMiB);
    }

    /// <summary>One round at saturation.</summary>
    public void AddSaturation(LoadResult direct, LoadResult platform, LoadResult? portkey)
    {
        _throughput.AddPlatform(platform.Rate);
        _share.AddPlatform(platform.Rate / direct.Rate);
        _directThroughput.AddPlatform(platform.Rate);
        _directThroughput.AddPeer(direct.Rate);
        if (portkey is not null)
        {
            _throughput.AddPeer(portkey.Rate);
            _share.AddPeer(portkey.Rate / direct.Rate);
        }
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine(AbRounds.Header("platform", "portkey"));
        foreach (var figure in new[] { _addedP50, _addedP99, _p50, _p99, _throughput, _share, _cpu, _rss }.Where(f => f.Platform.Count > 0))
        {
            Console.WriteLine(figure.Row());
        }
        Console.WriteLine();
        Console.WriteLine(AbRounds.Header("platform", "direct"));
        foreach (var figure in new[] { _directP50, _directP99, _directThroughput }.Where(f => f.Platform.Count > 0))
        {
            Console.WriteLine(figure.Row());
        }
        if (_throughput.Platform.Count == 0)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"targets (platform, at {rate}/s): added p50 <= 0.25 ms: {Verdict(_addedP50.PlatformMedian <= 0.25)}; " +
                          $"added p99 <= 2 ms: {Verdict(_addedP99.PlatformMedian <= 2)}; throughput >= 0.5x direct: {Verdict(_share.PlatformMedian >= 0.5)}; " +
                          $"RSS <= 300 MiB: {Verdict(_rss.PlatformMedian <= 300)}");
    }

    private static string Verdict(bool met) => met ? "met" : "missed";
}

/// <summary>What one fixed-rate run cost a gateway process: CPU per request and the largest resident set sampled.</summary>
public readonly record struct GatewayCost(double CpuMsPerRequest, double MaxResidentMiB);
