using System.Text.Json.Serialization;

namespace Platform.Api.Events;

/// <summary>POST /query of the earlier LLM Platform API: one question from an end user, answered through the gateway.</summary>
public sealed record CompatQueryRequest(
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("session_id")] string? SessionId,
    [property: JsonPropertyName("query")] string? Query);

public sealed record CompatQueryResponse(
    [property: JsonPropertyName("response")] string Response,
    [property: JsonPropertyName("source")] IReadOnlyList<string> Source,
    [property: JsonPropertyName("interaction_id")] Guid InteractionId);

/// <summary>
/// GET /export_data: the totals are exact; <see cref="Data"/> holds at most <see cref="Limit"/> of the newest queries and as
/// many of the newest events (<see cref="Truncated"/> says when there were more; the full sets are GET /api/interactions/export
/// and GET /api/events/export).
/// </summary>
public sealed record CompatExport(
    [property: JsonPropertyName("total_records")] long TotalRecords,
    [property: JsonPropertyName("queries_count")] long QueriesCount,
    [property: JsonPropertyName("events_count")] long EventsCount,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("truncated")] bool Truncated,
    [property: JsonPropertyName("data")] IReadOnlyList<CompatRecord> Data);

/// <summary>One query (record_type "query": an LLM interaction) or event (record_type "event"), in the earlier API's field names.</summary>
public sealed record CompatRecord(
    [property: JsonPropertyName("record_type")] string RecordType,
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("session_id")] string? SessionId,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("response")] string? Response,
    [property: JsonPropertyName("target_url")] string? TargetUrl,
    [property: JsonPropertyName("page_url")] string? PageUrl,
    [property: JsonPropertyName("extra_data"), JsonConverter(typeof(RawJsonConverter))] string? ExtraData,
    [property: JsonPropertyName("timestamp")] DateTime Timestamp);

public sealed record CompatStatus(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("database")] string Database,
    [property: JsonPropertyName("cache")] string Cache,
    [property: JsonPropertyName("timestamp")] DateTime Timestamp);
