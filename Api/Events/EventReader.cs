using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Api.Events;

/// <summary>
/// Reads one event object field by field straight from the body's UTF-8 (no document in between, each string made
/// once), so a bad field rejects only its event and the error names the field. Every text is bounded by
/// <see cref="ProductEventLimits"/> and must be storable (no NUL, no lone surrogate).
/// </summary>
internal static partial class EventReader
{
    /// <summary>The listed types (view, click, error, ...) match it too; a custom type is any such lowercase name.</summary>
    [GeneratedRegex("^[a-z][a-z0-9_-]{0,63}$")]
    private static partial Regex EventTypeName();

    /// <summary>Client clocks are wrong sometimes, never by decades: earlier than this, or a day ahead of ours, is refused.</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly TimeSpan MostAhead = TimeSpan.FromDays(1);

    /// <summary>About 317 years: anything longer is a unit mistake.</summary>
    public const double MaxDurationMs = 1e13;
    public const double MaxCoordinate = 1e7;

    /// <summary>
    /// The event whose first token the reader is on; the reader ends on its last token whatever the outcome, so the
    /// next event can be read (the rest of a refused event is still checked to be JSON).
    /// </summary>
    public static ProductEvent? Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, EventNames names, DateTime receivedAt, Guid owner, out string? error)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            error = "must be a JSON object.";
            return null;
        }
        var e = Start(receivedAt, owner);
        error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (error is null)
            {
                error = Property(ref reader, json, names, e, receivedAt);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        error ??= Finish(e, names);
        return error is null ? e : null;
    }

    public static ProductEvent Start(DateTime receivedAt, Guid owner) =>
        new() { UserId = null!, EventType = null!, ReceivedAt = receivedAt, Timestamp = receivedAt, OwnerUserId = owner };

    /// <summary>The required fields, once every property is read.</summary>
    public static string? Finish(ProductEvent e, EventNames names) =>
        e.UserId is null ? $"{names.UserIdName}: is required."
        : e.EventType is null ? $"{names.EventTypeName}: is required."
        : null;

    /// <summary>One property, the reader on its name; it ends on the value's last token. A null value counts as absent.</summary>
    public static string? Property(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, EventNames names, ProductEvent e, DateTime receivedAt)
    {
        var field = reader.ValueIsEscaped ? names.Field(reader.GetString()!) : names.Field(reader.ValueSpan);
        var unknown = field is null ? Name(ref reader) : null;
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        var error = field is { } known
            ? Apply(ref reader, json, e, known, names.NameOf(known), receivedAt)
            : $"{unknown}: is not an event field; put custom properties in {names.ExtraName}.";
        // A value of the wrong kind may be an object or an array: step over it whole.
        reader.Skip();
        return error;
    }

    private static string? Apply(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ProductEvent e, EventField field, string name, DateTime receivedAt)
    {
        string? text;
        double? number;
        string? error;
        switch (field)
        {
            case EventField.UserId:
                error = Text(ref reader, name, ProductEventLimits.MaxIdLength, out text);
                e.UserId = text!;
                return error;
            case EventField.SessionId:
                error = Text(ref reader, name, ProductEventLimits.MaxIdLength, out text);
                e.SessionId = text;
                return error;
            case EventField.EventType:
                error = EventType(ref reader, name, out text);
                e.EventType = text!;
                return error;
            case EventField.ComponentId:
                error = Text(ref reader, name, ProductEventLimits.MaxIdLength, out text);
                e.ComponentId = text;
                return error;
            case EventField.Page:
                error = Text(ref reader, name, ProductEventLimits.MaxIdLength, out text);
                e.Page = text;
                return error;
            case EventField.PageUrl:
                error = Text(ref reader, name, ProductEventLimits.MaxUrlLength, out text);
                e.PageUrl = text;
                return error;
            case EventField.TargetUrl:
                error = Text(ref reader, name, ProductEventLimits.MaxUrlLength, out text);
                e.TargetUrl = text;
                return error;
            case EventField.Query:
                error = Text(ref reader, name, ProductEventLimits.MaxTextLength, out text);
                e.Query = text;
                return error;
            case EventField.Message:
                error = Text(ref reader, name, ProductEventLimits.MaxTextLength, out text);
                e.Message = text;
                return error;
            case EventField.Timestamp:
                return Timestamp(ref reader, name, receivedAt, e);
            case EventField.DurationMs:
                error = Number(ref reader, name, 0, MaxDurationMs, out number);
                e.DurationMs = number;
                return error;
            case EventField.X:
                error = Number(ref reader, name, -MaxCoordinate, MaxCoordinate, out number);
                e.X = number;
                return error;
            case EventField.Y:
                error = Number(ref reader, name, -MaxCoordinate, MaxCoordinate, out number);
                e.Y = number;
                return error;
            case EventField.Extra:
                error = Extra(ref reader, json, name, out text);
                e.ExtraJson = text;
                return error;
            default:
                return null;
        }
    }

    private static string? Text(ref Utf8JsonReader reader, string name, int maxLength, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return $"{name}: must be a string.";
        }
        var text = reader.GetString()!;
        if (text.Length > maxLength)
        {
            return $"{name}: is {text.Length} characters; the limit is {maxLength}.";
        }
        if (!StorableText.IsStorable(text))
        {
            return $"{name}: contains a NUL character or an unpaired surrogate, which cannot be stored.";
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"{name}: must not be empty.";
        }
        value = text;
        return null;
    }

    private static string? EventType(ref Utf8JsonReader reader, string name, out string? value)
    {
        var error = Text(ref reader, name, ProductEventLimits.MaxEventTypeLength, out value);
        if (error is null && !EventTypeName().IsMatch(value!))
        {
            value = null;
            return $"{name}: must be a lowercase name (a-z, then a-z, 0-9, _ or -), e.g. click, error, pageview or a custom one like checkout_step.";
        }
        return error;
    }

    private static string? Number(ref Utf8JsonReader reader, string name, double min, double max, out double? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return $"{name}: must be a finite number.";
        }
        if (number < min || number > max)
        {
            return $"{name}: is {number.ToString(CultureInfo.InvariantCulture)}; it must be between {min} and {max}.";
        }
        value = number;
        return null;
    }

    /// <summary>ISO 8601 text, or milliseconds since 1970 (JavaScript's Date.now()).</summary>
    private static string? Timestamp(ref Utf8JsonReader reader, string name, DateTime receivedAt, ProductEvent e)
    {
        DateTime? parsed = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            if (UtcIso8601(ref reader, out var time)
                || (reader.GetString() is { Length: <= 64 } text
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)))
            {
                parsed = time.UtcDateTime;
            }
        }
        else if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var ms) && double.IsFinite(ms)
            && ms is > 0 and < 253_402_300_799_000)
        {
            parsed = DateTime.UnixEpoch.AddMilliseconds(ms);
        }
        if (parsed is not { } at)
        {
            return $"{name}: must be an ISO 8601 time (2026-01-31T12:00:00Z) or milliseconds since 1970.";
        }
        if (at < Earliest || at > receivedAt + MostAhead)
        {
            return $"{name}: {at:o} is not plausible; it must be after {Earliest:yyyy-MM-dd} and at most a day ahead of the server's clock.";
        }
        e.Timestamp = at;
        return null;
    }

    /// <summary>
    /// JavaScript's toISOString() form ("...Z") through System.Text.Json's ISO 8601 parser on the UTF-8 itself, several
    /// times cheaper than the general DateTimeOffset.TryParse and no string. Only with the Z: without an offset that
    /// parser assumes local time, where ingestion assumes UTC.
    /// </summary>
    private static bool UtcIso8601(ref Utf8JsonReader reader, out DateTimeOffset time)
    {
        time = default;
        return !reader.ValueIsEscaped && reader.ValueSpan is [.., (byte)'Z'] && reader.TryGetDateTimeOffset(out time);
    }

    /// <summary>The object's JSON text as sent (a slice of the body), size-capped.</summary>
    private static string? Extra(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string name, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return $"{name}: must be a JSON object.";
        }
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var bytes = (int)reader.BytesConsumed - start;
        if (bytes > ProductEventLimits.MaxExtraBytes)
        {
            return $"{name}: is {bytes} bytes of JSON; the limit is {ProductEventLimits.MaxExtraBytes}.";
        }
        var raw = Encoding.UTF8.GetString(json.Slice(start, bytes));
        if (!StorableText.IsStorable(raw) || raw.Contains("\\u0000", StringComparison.OrdinalIgnoreCase))
        {
            return $"{name}: contains a NUL character or an unpaired surrogate, which cannot be stored.";
        }
        text = raw;
        return null;
    }

    /// <summary>A property name as sent, cut short (it is the caller's text); the reader on the name.</summary>
    public static string Name(ref Utf8JsonReader reader)
    {
        var name = reader.GetString()!;
        return name.Length <= 64 && StorableText.IsStorable(name) ? name : StorableText.Clean(name[..Math.Min(64, name.Length)]) + "...";
    }
}
