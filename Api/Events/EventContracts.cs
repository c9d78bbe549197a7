using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Core.Events;

namespace Platform.Api.Events;

/// <summary>The answer to POST /api/events: how many events the buffer took, and each refused one with its reason.</summary>
public sealed record IngestResult(int Accepted, IReadOnlyList<RejectedEvent> Rejected);

/// <summary><see cref="Index"/> is the event's position in the batch (0 for a single event); the error starts with the field.</summary>
public sealed record RejectedEvent(int Index, string Error);

/// <summary>A stored event as GET /api/events and the JSON export show it; extra is the JSON object that was sent.</summary>
public sealed record EventItem(
    Guid Id, string UserId, string? SessionId, string EventType, string? ComponentId, string? Page, string? PageUrl, string? TargetUrl,
    string? Query, string? Message, double? DurationMs, double? X, double? Y,
    [property: JsonConverter(typeof(RawJsonConverter))] string? Extra, DateTime Timestamp, DateTime ReceivedAt)
{
    public static readonly System.Linq.Expressions.Expression<Func<ProductEvent, EventItem>> From = e => new EventItem(
        e.Id, e.UserId, e.SessionId, e.EventType, e.ComponentId, e.Page, e.PageUrl, e.TargetUrl, e.Query, e.Message, e.DurationMs, e.X, e.Y,
        e.ExtraJson, e.Timestamp, e.ReceivedAt);
}

/// <summary>Writes stored JSON text as JSON (it was validated as an object at ingestion), without parsing it again.</summary>
internal sealed class RawJsonConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.ValueKind == JsonValueKind.Null ? null : document.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(value, skipInputValidation: true);
        }
    }
}
