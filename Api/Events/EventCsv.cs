using CsvHelper;

namespace Platform.Api.Events;

/// <summary>The CSV columns of an event export, in order; extra is its JSON text. Formula-looking text is prefixed with ' by the writer.</summary>
internal static class EventCsv
{
    public static readonly string[] Header =
    [
        "id", "timestamp", "received_at", "user_id", "session_id", "event_type", "component_id", "page", "page_url", "target_url",
        "query", "message", "duration_ms", "x", "y", "extra",
    ];

    public static void Write(CsvWriter csv, EventItem e)
    {
        csv.WriteField(e.Id, default);
        csv.WriteField(e.Timestamp, default);
        csv.WriteField(e.ReceivedAt, default);
        csv.WriteField(e.UserId);
        csv.WriteField(e.SessionId);
        csv.WriteField(e.EventType);
        csv.WriteField(e.ComponentId);
        csv.WriteField(e.Page);
        csv.WriteField(e.PageUrl);
        csv.WriteField(e.TargetUrl);
        csv.WriteField(e.Query);
        csv.WriteField(e.Message);
        csv.WriteField(e.DurationMs, default);
        csv.WriteField(e.X, default);
        csv.WriteField(e.Y, default);
        csv.WriteField(e.Extra);
        csv.EndRecord();
    }
}
