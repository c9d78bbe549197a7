using System.Globalization;

namespace Platform.Core.Analytics;

/// <summary>
/// Dwell events longer than LongDwellSeconds, and view-to-leave spans (a view or pageview, then a pageleave of the same
/// page in the same session) that long, unless a dwell event already reported that visit.
/// </summary>
internal sealed class LongDwellDetector(AnalyticsOptions options)
{
    private const string NoSession = "\0";
    private readonly Dictionary<(string Session, string Page), Visit> _visits = [];

    private double ThresholdMs => options.LongDwellSeconds * 1000.0;

    public void Add(in AnalyticsEvent e, List<Finding> found)
    {
        var place = e.ComponentId ?? e.Page;
        if (place is null)
        {
            return;
        }
        var key = (e.SessionId ?? NoSession, place);
        switch (e.EventType)
        {
            case EventTypes.Dwell:
                if (e.DurationMs is { } duration && duration > ThresholdMs)
                {
                    Report(place, duration, e.Timestamp, found);
                }
                if (_visits.TryGetValue(key, out var visit))
                {
                    visit.Reported = true;
                }
                break;
            case EventTypes.View or EventTypes.PageView:
                _visits[key] = new Visit { Start = e.Timestamp };
                break;
            case EventTypes.PageLeave when _visits.Remove(key, out var left) && !left.Reported:
                var span = (e.Timestamp - left.Start).TotalMilliseconds;
                if (span > ThresholdMs)
                {
                    Report(place, span, left.Start, found);
                }
                break;
        }
    }

    public List<VisitState> Save() =>
        [.. _visits.Select(v => new VisitState(v.Key.Session, v.Key.Page, v.Value.Start, v.Value.Reported))];

    public void Load(IEnumerable<VisitState> visits)
    {
        foreach (var v in visits)
        {
            _visits[(v.Session, v.Page)] = new Visit { Start = v.Start, Reported = v.Reported };
        }
    }

    public void Finish() => _visits.Clear();

    private static void Report(string place, double durationMs, DateTime at, List<Finding> found)
    {
        var dwellMs = (long)Math.Round(durationMs);
        found.Add(Finding.Of(PainPointTypes.LongDwell, place, string.Create(CultureInfo.InvariantCulture, $"{dwellMs / 1000.0:0.#} s on {place}"), dwellMs, at, ("dwellMs", dwellMs)));
    }

    private sealed class Visit
    {
        public DateTime Start { get; init; }
        public bool Reported { get; set; }
    }
}
