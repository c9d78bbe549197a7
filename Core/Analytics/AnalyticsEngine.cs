namespace Platform.Core.Analytics;

/// <summary>
/// The behavioural analytics of one user: a fold over their events in timestamp order, one pass, memory bounded by
/// the distinct components, forms, pages and error messages rather than by the number of events.
/// </summary>
public sealed class AnalyticsEngine
{
    private readonly AnalyticsOptions _options;
    private readonly Dictionary<string, long> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _usage = new(StringComparer.Ordinal);
    private readonly List<Finding> _found = [];
    private readonly RageClickDetector _rageClicks;
    private readonly ErrorCounter _errors;
    private readonly FormAbandonmentDetector _forms;
    private readonly LongDwellDetector _dwells;
    private long _events;

    public AnalyticsEngine(AnalyticsOptions options)
    {
        _options = options;
        _rageClicks = new(options);
        _errors = new(options);
        _forms = new(options);
        _dwells = new(options);
    }

    public static AnalyticsResult Compute(IEnumerable<AnalyticsEvent> events, AnalyticsOptions options)
    {
        var engine = new AnalyticsEngine(options);
        foreach (var e in events)
        {
            engine.Add(e);
        }
        return engine.Finish();
    }

    /// <summary>An engine that goes on from a saved state, as if it had folded the events that state saw.</summary>
    internal static AnalyticsEngine Resume(EngineState state, AnalyticsOptions options)
    {
        var engine = new AnalyticsEngine(options) { _events = state.Events };
        foreach (var (type, count) in state.Types)
        {
            engine._types[type] = count;
        }
        foreach (var (component, count) in state.Usage)
        {
            engine._usage[component] = count;
        }
        engine._found.AddRange(state.Found.Select(f => f.ToFinding()));
        engine._rageClicks.Load(state.Bursts);
        engine._errors.Load(state.Errors, state.ErrorGroups);
        engine._forms.Load(state.Forms);
        engine._dwells.Load(state.Visits);
        return engine;
    }

    /// <summary>
    /// A copy of the state after the events so far; folding on or finishing leaves it as it is. Found pain points are
    /// final, so an answer that shows at most <paramref name="maxFoundPerType"/> of each type needs no more of them.
    /// </summary>
    internal EngineState Save(int maxFoundPerType = int.MaxValue) => new(
        _events, new(_types, StringComparer.Ordinal), new(_usage, StringComparer.Ordinal),
        [.. InAnswerOrder(_found, maxFoundPerType).Select(FindingState.Of)],
        _rageClicks.Save(), _errors.Errors, _errors.Save(), _forms.Save(), _dwells.Save());

    /// <summary>How many events the engine has folded.</summary>
    public long Events => _events;

    /// <summary>The next event; each must be at or after the one before.</summary>
    public void Add(in AnalyticsEvent e)
    {
        _events++;
        Increment(_types, e.EventType);
        if (e.ComponentId is { } component && EventTypes.IsInteraction(e.EventType))
        {
            Increment(_usage, component);
        }
        _errors.Add(e);
        _rageClicks.Add(e, _found);
        _forms.Add(e);
        _dwells.Add(e, _found);
    }

    /// <summary>The answer; <paramref name="maxPerType"/> keeps the first of each pain point type in answer order.</summary>
    public AnalyticsResult Finish(int maxPerType = int.MaxValue)
    {
        _rageClicks.Finish(_found);
        _errors.Finish(_found);
        _forms.Finish(_found, maxPerType);
        _dwells.Finish();
        var painPoints = InAnswerOrder(_found, maxPerType).Select(f => f.Point).ToList();
        return new AnalyticsResult(_events, Top(_types), _events == 0 ? 0 : (double)_errors.Errors / _events, _errors.Hotspots(), painPoints, Top(_usage));
    }

    /// <summary>
    /// Pain points by type (rage clicks, error patterns, form abandonments, long dwells), the worse first, then the
    /// earlier; at most <paramref name="maxPerType"/> of each, picked without sorting the rest.
    /// </summary>
    internal static IEnumerable<Finding> InAnswerOrder(IEnumerable<Finding> found, int maxPerType) =>
        found.GroupBy(f => f.Point.Type).OrderBy(g => Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Order(Finding.AnswerOrder).Take(maxPerType));

    private static int Rank(string type) => type switch
    {
        PainPointTypes.RageClick => 0,
        PainPointTypes.ErrorPattern => 1,
        PainPointTypes.FormAbandonment => 2,
        _ => 3,
    };

    private static void Increment(Dictionary<string, long> counts, string key)
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        count++;
    }

    /// <summary>The most frequent keys first (ties by name), at most MaxKeys of them: custom event types and components are client-chosen.</summary>
    private Dictionary<string, long> Top(Dictionary<string, long> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(_options.MaxKeys)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
}
