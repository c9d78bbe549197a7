namespace Platform.Core.Analytics;

/// <summary>Errors grouped by component and message: the hotspots, and the groups frequent enough to be an error pattern.</summary>
internal sealed class ErrorCounter(AnalyticsOptions options)
{
    private const int ReasonMessageChars = 120;
    private readonly Dictionary<(string? Component, string? Message), Group> _groups = [];

    public long Errors { get; private set; }

    public void Add(in AnalyticsEvent e)
    {
        if (e.EventType != EventTypes.Error)
        {
            return;
        }
        Errors++;
        var key = (e.ComponentId, e.Message);
        if (_groups.TryGetValue(key, out var group))
        {
            group.Count++;
        }
        else
        {
            _groups[key] = new Group { First = e.Timestamp, Count = 1 };
        }
    }

    public List<ErrorGroupState> Save() =>
        [.. _groups.Select(g => new ErrorGroupState(g.Key.Component, g.Key.Message, g.Value.First, g.Value.Count))];

    public void Load(long errors, IEnumerable<ErrorGroupState> groups)
    {
        Errors = errors;
        foreach (var g in groups)
        {
            _groups[(g.Component, g.Message)] = new Group { First = g.First, Count = g.Count };
        }
    }

    public IReadOnlyList<Hotspot> Hotspots() =>
        [.. _groups.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key.Component, StringComparer.Ordinal).ThenBy(g => g.Key.Message, StringComparer.Ordinal)
            .Take(options.MaxHotspots).Select(g => new Hotspot(g.Key.Component, g.Key.Message, g.Value.Count))];

    public void Finish(List<Finding> found)
    {
        foreach (var ((component, message), group) in _groups)
        {
            if (group.Count >= options.ErrorPatternMinCount)
            {
                var text = message is null ? "an error" : message.Length <= ReasonMessageChars ? $"\"{message}\"" : $"\"{message[..ReasonMessageChars]}…\"";
                found.Add(Finding.Of(PainPointTypes.ErrorPattern, component, $"{text} {group.Count} times", group.Count, group.First, ("count", group.Count)));
            }
        }
    }

    private sealed class Group
    {
        public DateTime First { get; init; }
        public long Count { get; set; }
    }
}
