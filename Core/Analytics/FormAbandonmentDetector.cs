namespace Platform.Core.Analytics;

/// <summary>
/// Forms (the component of input and submit events) per session. A success or conversion on the form, or one naming no
/// component, settles the session's open forms; a form still open at the end was abandoned when it had input, a submit
/// followed by an error on it, or FormAbandonmentMinSubmits submits.
/// </summary>
internal sealed class FormAbandonmentDetector(AnalyticsOptions options)
{
    // Events without a session form one session of their own.
    private const string NoSession = "\0";
    private readonly Dictionary<string, Dictionary<string, Form>> _sessions = new(StringComparer.Ordinal);

    public void Add(in AnalyticsEvent e)
    {
        var session = e.SessionId ?? NoSession;
        switch (e.EventType)
        {
            case EventTypes.Input or EventTypes.Submit when e.ComponentId is { } component:
                Touch(session, component, e);
                break;
            case EventTypes.Error when e.ComponentId is { } component && Find(session, component) is { Submits: > 0 } form:
                // Only an error after a submit says the submit failed; an invalid field while typing is input.
                form.Errors++;
                break;
            case EventTypes.Success or EventTypes.Conversion when _sessions.TryGetValue(session, out var open):
                if (e.ComponentId is { } settled)
                {
                    open.Remove(settled);
                }
                else
                {
                    open.Clear();
                }
                break;
        }
    }

    private void Touch(string session, string component, in AnalyticsEvent e)
    {
        if (!_sessions.TryGetValue(session, out var forms))
        {
            _sessions[session] = forms = new(StringComparer.Ordinal);
        }
        if (!forms.TryGetValue(component, out var form))
        {
            forms[component] = form = new Form { Start = e.Timestamp };
        }
        if (e.EventType == EventTypes.Input)
        {
            form.Inputs++;
        }
        else
        {
            form.Submits++;
        }
    }

    private Form? Find(string session, string component) =>
        _sessions.TryGetValue(session, out var forms) && forms.TryGetValue(component, out var form) ? form : null;

    public List<FormState> Save() =>
        [.. _sessions.SelectMany(s => s.Value.Select(f => new FormState(s.Key, f.Key, f.Value.Start, f.Value.Inputs, f.Value.Submits, f.Value.Errors)))];

    public void Load(IEnumerable<FormState> forms)
    {
        foreach (var f in forms)
        {
            if (!_sessions.TryGetValue(f.Session, out var open))
            {
                _sessions[f.Session] = open = new(StringComparer.Ordinal);
            }
            open[f.Component] = new Form { Start = f.Start, Inputs = f.Inputs, Submits = f.Submits, Errors = f.Errors };
        }
    }

    /// <summary>
    /// Adds the abandoned forms, or only those that can be among the first <paramref name="max"/> in answer order (the
    /// more submits and errors first, then the earlier, then by component; ties at the cut all kept, since the reason
    /// breaks them): a heavy user leaves thousands of forms open, and a pain point each costs more than the rest.
    /// </summary>
    public void Finish(List<Finding> found, int max = int.MaxValue)
    {
        var abandoned = _sessions.Values.SelectMany(forms => forms)
            .Where(f => f.Value.Inputs > 0 || f.Value.Errors > 0 || f.Value.Submits >= options.FormAbandonmentMinSubmits)
            .Select(f => (Key: (Severity: f.Value.Submits + f.Value.Errors, f.Value.Start, Component: f.Key), Form: f.Value)).ToList();
        if (abandoned.Count > max)
        {
            var cut = abandoned.Select(a => a.Key).Order(AnswerOrder).ElementAt(max - 1);
            abandoned.RemoveAll(a => AnswerOrder.Compare(a.Key, cut) > 0);
        }
        foreach (var (key, form) in abandoned)
        {
            found.Add(Finding.Of(PainPointTypes.FormAbandonment, key.Component, Reason(form), key.Severity, form.Start,
                ("submits", form.Submits), ("errors", form.Errors)));
        }
        _sessions.Clear();
    }

    private static readonly Comparer<(long Severity, DateTime Start, string Component)> AnswerOrder = Comparer<(long Severity, DateTime Start, string Component)>
        .Create((a, b) => Finding.CompareUpToReason(a.Severity, a.Start, a.Component, b.Severity, b.Start, b.Component));

    private static string Reason(Form form) => form.Submits == 0
        ? "input but no submit and no success"
        : $"{Count(form.Submits, "submit")}, {Count(form.Errors, "error")}, no success";

    private static string Count(long n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private sealed class Form
    {
        public DateTime Start { get; init; }
        public long Inputs { get; set; }
        public long Submits { get; set; }
        public long Errors { get; set; }
    }
}
