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

    public void Finish(List<Finding> found)
    {
        foreach (var forms in _sessions.Values)
        {
            foreach (var (component, form) in forms)
            {
                if (form.Inputs > 0 || form.Errors > 0 || form.Submits >= options.FormAbandonmentMinSubmits)
                {
                    found.Add(Finding.Of(PainPointTypes.FormAbandonment, component, Reason(form), form.Submits + form.Errors, form.Start,
                        ("submits", form.Submits), ("errors", form.Errors)));
                }
            }
        }
        _sessions.Clear();
    }

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
