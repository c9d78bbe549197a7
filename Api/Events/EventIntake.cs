using System.Text.Json;
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
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 32 }, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            var detail = http.Request.ContentLength == 0 ? "A JSON body is required." : $"is not valid JSON ({ex.Message.Split(" Path:")[0]})";
            return Invalid("body", detail);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("body", $"must be one event object or {{\"{BatchField}\": [...]}}.");
            }
            List<ProductEvent> accepted = [];
            List<RejectedEvent> rejected = [];
            if (root.TryGetProperty(BatchField, out var batch) && names == EventNames.Api)
            {
                if (Shape(root, batch) is { } problem)
                {
                    return problem;
                }
                var index = 0;
                foreach (var element in batch.EnumerateArray())
                {
                    Collect(element, index++, names, owner, now, accepted, rejected);
                }
            }
            else
            {
                Collect(root, 0, names, owner, now, accepted, rejected);
                if (rejected is [{ } only])
                {
                    // A single event that is not valid is the request's fault as a whole: a 400 naming the field.
                    var colon = only.Error.IndexOf(": ", StringComparison.Ordinal);
                    return colon > 0 ? Invalid(only.Error[..colon], only.Error[(colon + 2)..]) : Invalid("body", only.Error);
                }
            }
            try
            {
                await buffer.AddRangeAsync(accepted.ConvertAll(e => new EventWrite(e)), http.RequestAborted);
            }
            catch (BufferFullException full)
            {
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem(full.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Overloaded");
            }
            return TypedResults.Json(new IngestResult(accepted.Count, rejected), statusCode: StatusCodes.Status202Accepted);
        }
    }

    private static ValidationProblem? Shape(JsonElement root, JsonElement batch)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name != BatchField)
            {
                return Invalid(property.Name.Length <= 64 ? property.Name : "body", $"a batch has only \"{BatchField}\"; put each event's fields inside it.");
            }
        }
        if (batch.ValueKind != JsonValueKind.Array)
        {
            return Invalid(BatchField, "must be an array of event objects.");
        }
        var count = batch.GetArrayLength();
        return count > ProductEventLimits.MaxBatch
            ? Invalid(BatchField, $"has {count} events; the limit is {ProductEventLimits.MaxBatch} per request.")
            : null;
    }

    private static void Collect(
        JsonElement element, int index, EventNames names, Guid owner, DateTime now, List<ProductEvent> accepted, List<RejectedEvent> rejected)
    {
        if (EventReader.Read(element, names, now, owner, out var error) is { } e)
        {
            accepted.Add(e);
        }
        else
        {
            rejected.Add(new RejectedEvent(index, error!));
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}",
            title: "The request is not valid.");
}
