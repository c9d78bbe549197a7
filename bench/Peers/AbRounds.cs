using System.Globalization;

namespace Platform.Bench.Peers;

/// <summary>
/// One figure measured for the platform and a peer in alternating rounds (A, B, A, B, ...), so that a change in the
/// machine's load hits both sides alike. Prints each side's median and spread and the ratio of medians with the spread
/// of the per-round ratios.
/// </summary>
public sealed class AbRounds(string figure, string unit, string platform, string peer, bool higherIsBetter)
{
    private readonly List<double> _platform = [];
    private readonly List<double> _peer = [];

    public string Figure => figure;

    public void AddPlatform(double value) => _platform.Add(value);

    public void AddPeer(double value) => _peer.Add(value);

    public IReadOnlyList<double> Platform => _platform;

    public IReadOnlyList<double> Peer => _peer;

    public double PlatformMedian => Median(_platform);

    public double PeerMedian => Median(_peer);

    /// <summary>Platform over peer, so that above 1 means ahead when higher is better (throughput), and behind otherwise.</summary>
    public double Ratio => PlatformMedian / PeerMedian;

    /// <summary>Whether the platform's median is at least as good as the peer's.</summary>
    public bool PlatformAhead => higherIsBetter ? PlatformMedian >= PeerMedian : PlatformMedian <= PeerMedian;

    /// <summary>A table row: figure | platform median (min–max) | peer median (min–max) | ratio (per-round min–max).</summary>
    public string Row()
    {
        var ratios = _platform.Zip(_peer, (a, b) => a / b).Order().ToList();
        var spread = ratios.Count == 0 ? "" : $" ({F(ratios[0], "0.00")}–{F(ratios[^1], "0.00")})";
        var verdict = PlatformAhead ? "ahead" : "behind";
        return $"| {figure} | {Side(_platform)} | {Side(_peer)} | {F(Ratio, "0.00")}x{spread}, {verdict} |";
    }

    public static string Header(string platform, string peer) =>
        $"| figure | {platform}: median (min–max) | {peer}: median (min–max) | ratio {platform}/{peer} (per-round min–max) |\n| --- | --- | --- | --- |";

    private string Side(List<double> values) =>
        values.Count == 0 ? "–" : $"{V(Median(values))} {unit} ({V(values.Min())}–{V(values.Max())})";

    // Per value: a side in thousands must not round the other side's milliseconds away.
    private static string V(double value) => F(value, Math.Abs(value) >= 100 ? "#,0" : "0.000");

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public override string ToString() => $"{figure}: {platform} {V(PlatformMedian)} {unit}, {peer} {V(PeerMedian)} {unit}";
}
