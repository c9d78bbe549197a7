using System.Text;

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
    // The same names as UTF-8, indexed by field: a body's property names are matched without making strings of them.
    private readonly byte[][] _utf8;
    private readonly string[] _names;

    private EventNames(Dictionary<string, EventField> fields)
    {
        _fields = fields;
        _names = new string[fields.Count];
        foreach (var (name, field) in fields)
        {
            _names[(int)field] = name;
        }
        _utf8 = Array.ConvertAll(_names, Encoding.UTF8.GetBytes);
    }

    public static readonly EventNames Api = new(Enum.GetValues<EventField>().ToDictionary(CamelCase, f => f, StringComparer.Ordinal));

    public static readonly EventNames Compat = new(Enum.GetValues<EventField>().ToDictionary(
        f => f == EventField.Extra ? "extra_data" : SnakeCase(f), f => f, StringComparer.Ordinal));

    public EventField? Field(string name) => _fields.TryGetValue(name, out var field) ? field : null;

    /// <summary>The field an unescaped UTF-8 property name is, by a scan of 14 short names (cheaper than a string and a hash).</summary>
    public EventField? Field(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (utf8.SequenceEqual(_utf8[i]))
            {
                return (EventField)i;
            }
        }
        return null;
    }

    public string NameOf(EventField field) => _names[(int)field];

    public string UserIdName => NameOf(EventField.UserId);
    public string EventTypeName => NameOf(EventField.EventType);
    public string ExtraName => NameOf(EventField.Extra);

    private static string CamelCase(EventField field) => char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..];

    private static string SnakeCase(EventField field) =>
        string.Concat(field.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
