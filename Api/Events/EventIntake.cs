using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Buffering;
using Platform.Core.Events;

namespace Platform.Api.Events;

/// <summary>
/// Reads a request body of one event or {"events": [...]}, validates each event on its own, and hands the valid
/// ones to the buffer in one piece. 202 means the buffer took them: the writer stores them within moments, and a
/// stop drains or spills them, but they are not yet in the database when the answer leaves.
/// </summary>
internal static class EventIntake
{
    public const string BatchField = "events";

    public static async Task<IResult> AcceptAsync(HttpContext http, EventNames names, EventBuffer buffer, Guid owner, DateTime now)
    {
        EventBody body;
        using (var bytes = await RequestBody.ReadAsync(http.Request, http.RequestAborted))
        {
            body = EventBody.Read(bytes.Span, names, owner, now);
        }
        if (body.Problem is var (field, message))
        {
            return Invalid(field, message);
        }
        if (body.Single && body.Rejected is [{ } only])
        {
            // A single event that is not valid is the request's fault as a whole: a 400 naming the field.
            var colon = only.Error.IndexOf(": ", StringComparison.Ordinal);
            return colon > 0 ? Invalid(only.Error[..colon], only.Error[(colon + 2)..]) : Invalid("body", only.Error);
        }
        try
        {
            await buffer.AddRangeAsync(body.Accepted.ConvertAll(e => new EventWrite(e)), http.RequestAborted);
        }
        catch (BufferFullException full)
        {
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(full.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Overloaded");
        }
        return TypedResults.Json(new IngestResult(body.Accepted.Count, body.Rejected), statusCode: StatusCodes.Status202Accepted);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}",
            title: "The request is not valid.");
}
