using Platform.Bench.Load;
using Platform.Bench.Peers;

namespace Platform.Bench.Benchmarks.Gateway;

/// <summary>
/// The figures of gateway-vs-peers, round by round: the platform against each other gateway (Portkey, the bare YARP
/// forwarder; the added latency of each over the direct call of the same round) and the platform against the direct
/// call (the floor).
/// </summary>
public sealed class GatewayFigures(int rate, int concurrency)
{
    private readonly Dictionary<string, PeerFigures> _peers = new();
    private readonly AbRounds _directP50 = new($"p50 at {rate}/s", "ms", "platform", "direct", higherIsBetter: false);
    private readonly AbRounds _directP99 = new($"p99 at {rate}/s", "ms", "platform", "direct", higherIsBetter: false);
    private readonly AbRounds _directThroughput = new($"req/s, {concurrency} connections", "/s", "platform", "direct", higherIsBetter: true);
    private readonly List<double> _addedP50 = [], _addedP99 = [], _share = [], _rss = [];

    /// <summary>One round at the fixed rate: each target's latencies, and each gateway's CPU use and resident set.</summary>
    public void AddFixedRate(LoadResult direct, GatewayRun platform, IReadOnlyDictionary<string, GatewayRun> peers)
    {
        _directP50.AddPlatform(platform.Result.P50);
        _directP50.AddPeer(direct.P50);
        _directP99.AddPlatform(platform.Result.P99);
        _directP99.AddPeer(direct.P99);
        _addedP50.Add(platform.Result.P50 - direct.P50);
        _addedP99.Add(platform.Result.P99 - direct.P99);
        _rss.Add(platform.Cost.MaxResidentMiB);
        foreach (var (name, peer) in peers)
        {
            Peer(name).AddFixedRate(direct, platform, peer);
        }
    }

    /// <summary>One round at saturation.</summary>
    public void AddSaturation(LoadResult direct, LoadResult platform, IReadOnlyDictionary<string, LoadResult> peers)
    {
        _directThroughput.AddPlatform(platform.Rate);
        _directThroughput.AddPeer(direct.Rate);
        _share.Add(platform.Rate / direct.Rate);
        foreach (var (name, peer) in peers)
        {
            Peer(name).AddSaturation(direct, platform, peer);
        }
    }

    public void Print()
    {
        foreach (var peer in _peers.Values)
        {
            peer.Print();
        }
        Console.WriteLine();
        Console.WriteLine(AbRounds.Header("platform", "direct"));
        foreach (var figure in new[] { _directP50, _directP99, _directThroughput }.Where(f => f.Platform.Count > 0))
        {
            Console.WriteLine(figure.Row());
        }
        if (_share.Count == 0)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"targets (platform, at {rate}/s): added p50 <= 0.25 ms: {Verdict(AbRounds.Median(_addedP50) <= 0.25)}; " +
                          $"added p99 <= 2 ms: {Verdict(AbRounds.Median(_addedP99) <= 2)}; throughput >= 0.5x direct: {Verdict(AbRounds.Median(_share) >= 0.5)}; " +
                          $"RSS <= 300 MiB: {Verdict(AbRounds.Median(_rss) <= 300)}");
    }

    private PeerFigures Peer(string name) =>
        _peers.TryGetValue(name, out var figures) ? figures : _peers[name] = new PeerFigures(name, rate, concurrency);

    private static string Verdict(bool met) => met ? "met" : "missed";

    /// <summary>The platform against one other gateway, both over the direct call of the same round.</summary>
    private sealed class PeerFigures(string peer, int rate, int concurrency)
    {
        private readonly AbRounds _addedP50 = new($"added p50 over direct at {rate}/s", "ms", "platform", peer, higherIsBetter: false);
        private readonly AbRounds _addedP99 = new($"added p99 over direct at {rate}/s", "ms", "platform", peer, higherIsBetter: false);
        private readonly AbRounds _share = new($"throughput / direct, {concurrency} connections", "x", "platform", peer, higherIsBetter: true);
        private readonly AbRounds _rss = new($"gateway RSS at {rate}/s (VmRSS max)", "MiB", "platform", peer, higherIsBetter: false);
        private readonly AbRounds _p50 = new($"p50 at {rate}/s", "ms", "platform", peer, higherIsBetter: false);
        private readonly AbRounds _p99 = new($"p99 at {rate}/s", "ms", "platform", peer, higherIsBetter: false);
        private readonly AbRounds _cpu = new($"gateway CPU per request at {rate}/s", "ms", "platform", peer, higherIsBetter: false);
        private readonly AbRounds _throughput = new($"req/s, {concurrency} connections", "/s", "platform", peer, higherIsBetter: true);

        public void AddFixedRate(LoadResult direct, GatewayRun platform, GatewayRun other)
        {
            Add(platform, (figure, value) => figure.AddPlatform(value));
            Add(other, (figure, value) => figure.AddPeer(value));

            void Add(GatewayRun run, Action<AbRounds, double> add)
            {
                add(_addedP50, run.Result.P50 - direct.P50);
                add(_addedP99, run.Result.P99 - direct.P99);
                add(_p50, run.Result.P50);
                add(_p99, run.Result.P99);
                add(_cpu, run.Cost.CpuMsPerRequest);
                add(_rss, run.Cost.MaxResidentMiB);
            }
        }

        public void AddSaturation(LoadResult direct, LoadResult platform, LoadResult other)
        {
            _throughput.AddPlatform(platform.Rate);
            _throughput.AddPeer(other.Rate);
            _share.AddPlatform(platform.Rate / direct.Rate);
            _share.AddPeer(other.Rate / direct.Rate);
        }

        public void Print()
        {
            Console.WriteLine();
            Console.WriteLine(AbRounds.Header("platform", peer));
            foreach (var figure in new[] { _addedP50, _addedP99, _p50, _p99, _throughput, _share, _cpu, _rss }.Where(f => f.Platform.Count > 0))
            {
                Console.WriteLine(figure.Row());
            }
        }
    }
}

/// <summary>What one fixed-rate run cost a gateway process: CPU per request and the largest resident set sampled.</summary>
public readonly record struct GatewayCost(double CpuMsPerRequest, double MaxResidentMiB);

/// <summary>One gateway's fixed-rate run: what its callers saw and what it cost.</summary>
public readonly record struct GatewayRun(LoadResult Result, GatewayCost Cost);
