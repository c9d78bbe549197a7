using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Web.Api;

/// <summary>
/// The interaction filters as the Web keeps them in its URLs (so a filtered view can be bookmarked and the export
/// link takes them): dates are whole UTC days, <see cref="To"/> included. Values that do not parse are dropped;
/// values that parse but the Api refuses (an unknown status) are passed on, so its 400 names the field.
/// </summary>
public sealed record InteractionQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? Feedback { get; init; }
    public double? MinQuality { get; init; }
    public double? MaxQuality { get; init; }
    public string? Model { get; init; }
    public string? Provider { get; init; }
    public Guid? UserId { get; init; }
    public string? Q { get; init; }

    public static readonly InteractionQuery None = new();

    public bool IsEmpty => this == None;

    /// <summary>Reads a URL's query string ("?status=failure&amp;from=2026-12-01").</summary>
    public static InteractionQuery Parse(string? queryString)
    {
        var query = QueryHelpers.ParseQuery(queryString);
        string? Text(string name) => query.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;
        return new InteractionQuery
        {
            From = DateOnly.TryParseExact(Text("from"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
            To = DateOnly.TryParseExact(Text("to"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) ? to : null,
            Type = Text("type"),
            Status = Text("status"),
            Feedback = Text("feedback"),
            MinQuality = Number(Text("minQuality")),
            MaxQuality = Number(Text("maxQuality")),
            Model = Text("model"),
            Provider = Text("provider"),
            UserId = Guid.TryParse(Text("userId"), out var user) ? user : null,
            Q = Text("q"),
        };
    }

    /// <summary>The Api's query parameters: the day range becomes [from 00:00Z, the day after to 00:00Z).</summary>
    public IEnumerable<(string Name, string? Value)> ApiParameters()
    {
        yield return ("from", From is { } from ? Instant(from) : null);
        yield return ("to", To is { } to ? Instant(to.AddDays(1)) : null);
        foreach (var pair in Shared())
        {
            yield return pair;
        }
    }

    /// <summary>The same filters in the Web's own URL form, for links between the Insights pages and to the export.</summary>
    public IEnumerable<(string Name, string? Value)> UrlParameters()
    {
        yield return ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var pair in Shared())
        {
            yield return pair;
        }
    }

    /// <summary><paramref name="path"/> with the filters (and any <paramref name="extra"/> pairs) that are set.</summary>
    public string Url(string path, params (string Name, string? Value)[] extra) => WithQuery(path, UrlParameters().Concat(extra));

    /// <summary>Empty values are left out: the Api reads "status=" as a status named "".</summary>
    public static string WithQuery(string path, IEnumerable<(string Name, string? Value)> parameters) =>
        QueryHelpers.AddQueryString(path, parameters
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    private IEnumerable<(string Name, string? Value)> Shared() =>
    [
        ("type", Type), ("status", Status), ("feedback", Feedback),
        ("minQuality", MinQuality?.ToString(CultureInfo.InvariantCulture)), ("maxQuality", MaxQuality?.ToString(CultureInfo.InvariantCulture)),
        ("model", Model), ("provider", Provider), ("userId", UserId?.ToString()), ("q", Q),
    ];

    private static string Instant(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
