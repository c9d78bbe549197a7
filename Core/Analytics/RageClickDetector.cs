namespace Platform.Core.Analytics;

/// <summary>
/// Bursts of taps or clicks per component: each tap at most RageClickWindowMs after the one before on that component
/// (and within RageClickRadiusPx of it when both have x/y). A burst of RageClickMinTaps or more is one pain point.
/// </summary>
internal sealed class RageClickDetector(AnalyticsOptions options)
{
    private readonly Dictionary<string, Burst> _bursts = new(StringComparer.Ordinal);

    public void Add(in AnalyticsEvent e, List<Finding> found)
    {
        if (e.EventType is not (EventTypes.Tap or EventTypes.Click) || e.ComponentId is not { } component)
        {
            return;
        }
        if (!_bursts.TryGetValue(component, out var burst))
        {
            _bursts[component] = new Burst(e);
            return;
        }
        if (!Continues(burst, e))
        {
            Close(component, burst, found);
            burst.Restart(e);
            return;
        }
        burst.Extend(e);
    }

    public List<BurstState> Save() =>
        [.. _bursts.Select(b => new BurstState(b.Key, b.Value.Start, b.Value.Last, b.Value.X, b.Value.Y, b.Value.Taps))];

    public void Load(IEnumerable<BurstState> bursts)
    {
        foreach (var b in bursts)
        {
            _bursts[b.Component] = new Burst(b);
        }
    }

    public void Finish(List<Finding> found)
    {
        foreach (var (component, burst) in _bursts)
        {
            Close(component, burst, found);
        }
        _bursts.Clear();
    }

    private bool Continues(Burst burst, in AnalyticsEvent e)
    {
        if ((e.Timestamp - burst.Last).TotalMilliseconds > options.RageClickWindowMs)
        {
            return false;
        }
        if (e.X is not { } x || e.Y is not { } y || burst.X is not { } lastX || burst.Y is not { } lastY)
        {
            return true;
        }
        var (dx, dy) = (x - lastX, y - lastY);
        return dx * dx + dy * dy <= options.RageClickRadiusPx * options.RageClickRadiusPx;
    }

    private void Close(string component, Burst burst, List<Finding> found)
    {
        if (burst.Taps < options.RageClickMinTaps)
        {
            return;
        }
        var windowMs = (long)Math.Round((burst.Last - burst.Start).TotalMilliseconds);
        found.Add(Finding.Of(PainPointTypes.RageClick, component, $"{burst.Taps} taps in {windowMs}ms", burst.Taps, burst.Start,
            ("tapBurst", burst.Taps), ("windowMs", windowMs)));
    }

    private sealed class Burst
    {
        public Burst(in AnalyticsEvent e) => Restart(e);

        public Burst(BurstState saved) => (Start, Last, X, Y, Taps) = (saved.Start, saved.Last, saved.X, saved.Y, saved.Taps);

        public DateTime Start { get; private set; }
        public DateTime Last { get; private set; }
        public double? X { get; private set; }
        public double? Y { get; private set; }
        public int Taps { get; private set; }

        public void Restart(in AnalyticsEvent e)
        {
            (Start, Taps) = (e.Timestamp, 0);
            Extend(e);
        }

        public void Extend(in AnalyticsEvent e)
        {
            (Last, X, Y) = (e.Timestamp, e.X, e.Y);
            Taps++;
        }
    }
}
