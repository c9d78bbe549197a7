namespace Platform.Api.Events;

internal enum EventField
{
    UserId, SessionId, EventType, ComponentId, Page, PageUrl, TargetUrl, Query, Message, Timestamp, DurationMs, X, Y, Extra,
}

/// <summary>
/// The field names a body uses: camelCase for POST /api/events, snake_case for the compatibility endpoint
/// POST /log_event (whose extra properties are "extra_data"). Names match exactly, as the rest of the Api's JSON does.
/// </summary>
internal sealed class EventNames
{
    private readonly Dictionary<string, EventField> _fields;

    private EventNames(Dictionary<string, EventField> fields) => _fields = fields;

    public static readonly EventNames Api = new(Enum.GetValues<EventField>().ToDictionary(CamelCase, f => f, StringComparer.Ordinal));

    public static readonly EventNames Compat = new(Enum.GetValues<EventField>().ToDictionary(
        f => f == EventField.Extra ? "extra_data" : SnakeCase(f), f => f, StringComparer.Ordinal));

    public EventField? Field(string name) => _fields.TryGetValue(name, out var field) ? field : null;

    public string UserIdName => NameOf(EventField.UserId);
    public string EventTypeName => NameOf(EventField.EventType);
    public string ExtraName => NameOf(EventField.Extra);

    private string NameOf(EventField field) => _fields.First(f => f.Value == field).Key;

    private static string CamelCase(EventField field) => char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..];

    private static string SnakeCase(EventField field) =>
        string.Concat(field.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
