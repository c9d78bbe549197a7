using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Core.Data;
using Platform.Core.Events;

namespace Platform.Api.Events;

/// <summary>
/// Reads one event object field by field, so a bad field rejects only its event and the error names the field.
/// Every text is bounded by <see cref="ProductEventLimits"/> and must be storable (no NUL, no lone surrogate).
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

    public static ProductEvent? Read(JsonElement element, EventNames names, DateTime receivedAt, Guid owner, out string? error)
    {
        error = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "must be a JSON object.";
            return null;
        }
        var e = new ProductEvent { UserId = null!, EventType = null!, ReceivedAt = receivedAt, Timestamp = receivedAt, OwnerUserId = owner };
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var field = names.Field(property.Name);
            error = field is { } known
                ? Apply(e, known, property, receivedAt)
                : $"{Name(property)}: is not an event field; put custom properties in {names.ExtraName}.";
            if (error is not null)
            {
                return null;
            }
        }
        if (e.UserId is null)
        {
            error = $"{names.UserIdName}: is required.";
        }
        else if (e.EventType is null)
        {
            error = $"{names.EventTypeName}: is required.";
        }
        return error is null ? e : null;
    }

    private static string? Apply(ProductEvent e, EventField field, JsonProperty property, DateTime receivedAt)
    {
        string? text;
        double? number;
        string? error;
        switch (field)
        {
            case EventField.UserId:
                error = Text(property, ProductEventLimits.MaxIdLength, out text);
                e.UserId = text!;
                return error;
            case EventField.SessionId:
                error = Text(property, ProductEventLimits.MaxIdLength, out text);
                e.SessionId = text;
                return error;
            case EventField.EventType:
                error = EventType(property, out text);
                e.EventType = text!;
                return error;
            case EventField.ComponentId:
                error = Text(property, ProductEventLimits.MaxIdLength, out text);
                e.ComponentId = text;
                return error;
            case EventField.Page:
                error = Text(property, ProductEventLimits.MaxIdLength, out text);
                e.Page = text;
                return error;
            case EventField.PageUrl:
                error = Text(property, ProductEventLimits.MaxUrlLength, out text);
                e.PageUrl = text;
                return error;
            case EventField.TargetUrl:
                error = Text(property, ProductEventLimits.MaxUrlLength, out text);
                e.TargetUrl = text;
                return error;
            case EventField.Query:
                error = Text(property, ProductEventLimits.MaxTextLength, out text);
                e.Query = text;
                return error;
            case EventField.Message:
                error = Text(property, ProductEventLimits.MaxTextLength, out text);
                e.Message = text;
                return error;
            case EventField.Timestamp:
                return Timestamp(property, receivedAt, e);
            case EventField.DurationMs:
                error = Number(property, 0, MaxDurationMs, out number);
                e.DurationMs = number;
                return error;
            case EventField.X:
                error = Number(property, -MaxCoordinate, MaxCoordinate, out number);
                e.X = number;
                return error;
            case EventField.Y:
                error = Number(property, -MaxCoordinate, MaxCoordinate, out number);
                e.Y = number;
                return error;
            case EventField.Extra:
                error = Extra(property, out text);
                e.ExtraJson = text;
                return error;
            default:
                return null;
        }
    }

    private static string? Text(JsonProperty property, int maxLength, out string? value)
    {
        value = null;
        if (property.Value.ValueKind != JsonValueKind.String)
        {
            return $"{Name(property)}: must be a string.";
        }
        var text = property.Value.GetString()!;
        if (text.Length > maxLength)
        {
            return $"{Name(property)}: is {text.Length} characters; the limit is {maxLength}.";
        }
        if (!StorableText.IsStorable(text))
        {
            return $"{Name(property)}: contains a NUL character or an unpaired surrogate, which cannot be stored.";
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"{Name(property)}: must not be empty.";
        }
        value = text;
        return null;
    }

    private static string? EventType(JsonProperty property, out string? value)
    {
        var error = Text(property, ProductEventLimits.MaxEventTypeLength, out value);
        if (error is null && !EventTypeName().IsMatch(value!))
        {
            value = null;
            return $"{Name(property)}: must be a lowercase name (a-z, then a-z, 0-9, _ or -), e.g. click, error, pageview or a custom one like checkout_step.";
        }
        return error;
    }

    private static string? Number(JsonProperty property, double min, double max, out double? value)
    {
        value = null;
        if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return $"{Name(property)}: must be a finite number.";
        }
        if (number < min || number > max)
        {
            return $"{Name(property)}: is {number.ToString(CultureInfo.InvariantCulture)}; it must be between {min} and {max}.";
        }
        value = number;
        return null;
    }

    /// <summary>ISO 8601 text, or milliseconds since 1970 (JavaScript's Date.now()).</summary>
    private static string? Timestamp(JsonProperty property, DateTime receivedAt, ProductEvent e)
    {
        DateTime? parsed = null;
        if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: <= 64 } text
            && (UtcIso8601(property.Value, text, out var time) || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)))
        {
            parsed = time.UtcDateTime;
        }
        else if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var ms) && double.IsFinite(ms)
            && ms is > 0 and < 253_402_300_799_000)
        {
            parsed = DateTime.UnixEpoch.AddMilliseconds(ms);
        }
        if (parsed is not { } at)
        {
            return $"{Name(property)}: must be an ISO 8601 time (2026-01-31T12:00:00Z) or milliseconds since 1970.";
        }
        if (at < Earliest || at > receivedAt + MostAhead)
        {
            return $"{Name(property)}: {at:o} is not plausible; it must be after {Earliest:yyyy-MM-dd} and at most a day ahead of the server's clock.";
        }
        e.Timestamp = at;
        return null;
    }

    /// <summary>
    /// JavaScript's toISOString() form ("...Z") through System.Text.Json's ISO 8601 parser, several times cheaper than
    /// the general DateTimeOffset.TryParse. Only with the Z: without an offset that parser assumes local time, where
    /// ingestion assumes UTC.
    /// </summary>
    private static bool UtcIso8601(JsonElement value, string text, out DateTimeOffset time)
    {
        time = default;
        return text.EndsWith('Z') && value.TryGetDateTimeOffset(out time);
    }

    private static string? Extra(JsonProperty property, out string? json)
    {
        json = null;
        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            return $"{Name(property)}: must be a JSON object.";
        }
        var raw = property.Value.GetRawText();
        var bytes = Encoding.UTF8.GetByteCount(raw);
        if (bytes > ProductEventLimits.MaxExtraBytes)
        {
            return $"{Name(property)}: is {bytes} bytes of JSON; the limit is {ProductEventLimits.MaxExtraBytes}.";
        }
        if (!StorableText.IsStorable(raw) || raw.Contains("\\u0000", StringComparison.OrdinalIgnoreCase))
        {
            return $"{Name(property)}: contains a NUL character or an unpaired surrogate, which cannot be stored.";
        }
        json = raw;
        return null;
    }

    // A field name is shown as sent, cut short: it is the caller's text.
    private static string Name(JsonProperty property) =>
        property.Name.Length <= 64 && StorableText.IsStorable(property.Name) ? property.Name : StorableText.Clean(property.Name[..Math.Min(64, property.Name.Length)]) + "...";
}
