namespace Platform.Core.Analytics;

/// <summary>The columns of a product event that the engine reads; what the database query projects, nothing more.</summary>
public readonly record struct AnalyticsEvent(
    DateTime Timestamp,
    string EventType,
    string? SessionId = null,
    string? ComponentId = null,
    string? Page = null,
    string? Message = null,
    double? DurationMs = null,
    double? X = null,
    double? Y = null);
