using Platform.Api.Infrastructure;
using Platform.Api.Interactions;

namespace Platform.Api.Analytics;

/// <summary>The query parameters both analytics endpoints share; as text, so that a bad one is a 400 naming it.</summary>
internal static class AnalyticsParameters
{
    public static (DateTime? From, DateTime? To) Window(string? from, string? to, Validation validation)
    {
        var start = QueryParameters.ParseTime(from, "from", validation);
        var end = QueryParameters.ParseTime(to, "to", validation);
        validation.Require(start is null || end is null || start < end, "to", "must be after from.");
        return (start, end);
    }

    public static bool Fresh(string? fresh, Validation validation)
    {
        var ok = fresh is null || bool.TryParse(fresh, out _);
        validation.Require(ok, "fresh", "must be true or false.");
        return ok && fresh is not null && bool.Parse(fresh);
    }
}
