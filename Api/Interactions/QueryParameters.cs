using System.Globalization;
using Platform.Api.Infrastructure;
using Platform.Core.Interactions.Queries;

namespace Platform.Api.Interactions;

/// <summary>
/// The query string shared by the list, metrics and export endpoints. Dates arrive as text so that a bad one is
/// a 400 naming its field; unknown values of the enumerations are refused, never ignored.
/// </summary>
public sealed record QueryParameters(
    string? From = null, string? To = null, string? Type = null, string? Status = null, string? Feedback = null,
    double? MinQuality = null, double? MaxQuality = null, string? Model = null, string? Provider = null, Guid? UserId = null,
    string? Q = null, string? EndUserId = null)
{
    public const int MaxTextChars = 200;
    public const int MaxNameChars = 200;
    public const int MinYear = 1970;
    public const int MaxYear = 9000;

    internal Validation Validate(Validation validation, out InteractionFilter filter)
    {
        var from = ParseTime(From, "from", validation);
        var to = ParseTime(To, "to", validation);
        validation
            .Require(from is null || to is null || from < to, "to", "must be after from.")
            .Require(Status is null || InteractionFilter.StatusValues.Contains(Status), "status", $"must be one of {string.Join(", ", InteractionFilter.StatusValues)}.")
            .Require(Feedback is null || InteractionFilter.FeedbackValues.Contains(Feedback), "feedback", $"must be one of {string.Join(", ", InteractionFilter.FeedbackValues)}.")
            .Require(MinQuality is null || MinQuality is >= 0 and <= 100, "minQuality", "must be between 0 and 100.")
            .Require(MaxQuality is null || MaxQuality is >= 0 and <= 100, "maxQuality", "must be between 0 and 100.")
            .Require(MinQuality is null || MaxQuality is null || MinQuality <= MaxQuality, "maxQuality", "must not be below minQuality.")
            .Text(Type, "type", 32, required: false)
            .Text(Model, "model", MaxNameChars, required: false)
            .Text(Provider, "provider", MaxNameChars, required: false)
            .Text(Q, "q", MaxTextChars, required: false)
            .Text(EndUserId, "endUserId", MaxNameChars, required: false);
        filter = new InteractionFilter
        {
            From = from, To = to, Type = Type, Status = Status, Feedback = Feedback, MinQuality = MinQuality, MaxQuality = MaxQuality,
            Model = Model, Provider = Provider, OwnerUserId = UserId, Text = Q, EndUserId = EndUserId,
        };
        return validation;
    }

    internal static DateTime? ParseTime(string? value, string field, Validation validation)
    {
        if (value is null)
        {
            return null;
        }
        // Years are kept well inside DateTime's range so that windows computed from them cannot overflow.
        var parsed = default(DateTimeOffset);
        var ok = value.Length <= 64 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed)
            && parsed.Year is >= MinYear and <= MaxYear;
        validation.Require(ok, field, $"must be an ISO 8601 date or time between the years {MinYear} and {MaxYear}, e.g. 2026-01-31T00:00:00Z.");
        return ok ? parsed.UtcDateTime : null;
    }
}
