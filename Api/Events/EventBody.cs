using System.Text.Json;
using Platform.Core.Events;

namespace Platform.Api.Events;

/// <summary>What a request body holds: the events read from it (valid and refused), or why the body as a whole is refused.</summary>
internal sealed class EventBody
{
    public List<ProductEvent> Accepted { get; } = [];
    public List<RejectedEvent> Rejected { get; } = [];

    /// <summary>The body is one event rather than {"events": [...]}: a refused event is the request's fault.</summary>
    public bool Single { get; private set; }

    /// <summary>Set when the body is refused whole (not JSON, the wrong shape, too many events): the field and why.</summary>
    public (string Field, string Message)? Problem { get; private set; }

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 32 };

    /// <summary>
    /// One event or {"events": [...]} (only for <see cref="EventNames.Api"/>), read in one pass. The whole body must be
    /// JSON before any of it counts, as a document parse would have it: a refusal found early is decided at the end.
    /// </summary>
    public static EventBody Read(ReadOnlySpan<byte> json, EventNames names, Guid owner, DateTime now)
    {
        var body = new EventBody();
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            body.ReadRoot(ref reader, json, names, owner, now);
            // Anything after the root value other than white space is not JSON.
            reader.Read();
        }
        catch (JsonException ex)
        {
            body.Problem = ("body", json.IsEmpty ? "A JSON body is required." : $"is not valid JSON ({ex.Message.Split(" Path:")[0]})");
        }
        catch (InvalidOperationException)
        {
            // A string that is not UTF-8: the reader finds it only when a string is made of it.
            body.Problem = ("body", "is not valid UTF-8 text.");
        }
        return body;
    }

    private void ReadRoot(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, EventNames names, Guid owner, DateTime now)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            Refuse("body", $"must be one event object or {{\"{EventIntake.BatchField}\": [...]}}.");
            return;
        }
        var batches = names == EventNames.Api;
        var single = EventReader.Start(now, owner);
        string? singleError = null;
        // For a batch: the first other property at its root, whether "events" is not an array, and how many it holds.
        string? other = null;
        var (isBatch, notArray, count) = (false, false, 0);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (batches && IsBatchField(ref reader))
            {
                isBatch = true;
                reader.Read();
                // A repeated "events": the last one counts.
                (notArray, count) = (reader.TokenType != JsonTokenType.StartArray, 0);
                Accepted.Clear();
                Rejected.Clear();
                if (notArray)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (other is null && count < ProductEventLimits.MaxBatch)
                    {
                        Collect(ref reader, json, count, names, owner, now);
                    }
                    else
                    {
                        reader.Skip();
                    }
                    count++;
                }
                continue;
            }
            if (batches)
            {
                other ??= reader.GetString()!;
            }
            if (isBatch || singleError is not null)
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            singleError = EventReader.Property(ref reader, json, names, single, now);
        }
        if (isBatch)
        {
            Shape(other, notArray, count);
            return;
        }
        Single = true;
        singleError ??= EventReader.Finish(single, names);
        if (singleError is null)
        {
            Accepted.Add(single);
        }
        else
        {
            Rejected.Add(new RejectedEvent(0, singleError));
        }
    }

    private void Shape(string? other, bool notArray, int count)
    {
        if (other is not null)
        {
            Refuse(other.Length <= 64 ? other : "body", $"a batch has only \"{EventIntake.BatchField}\"; put each event's fields inside it.");
        }
        else if (notArray)
        {
            Refuse(EventIntake.BatchField, "must be an array of event objects.");
        }
        else if (count > ProductEventLimits.MaxBatch)
        {
            Refuse(EventIntake.BatchField, $"has {count} events; the limit is {ProductEventLimits.MaxBatch} per request.");
        }
    }

    private void Collect(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int index, EventNames names, Guid owner, DateTime now)
    {
        if (EventReader.Read(ref reader, json, names, now, owner, out var error) is { } e)
        {
            Accepted.Add(e);
        }
        else
        {
            Rejected.Add(new RejectedEvent(index, error!));
        }
    }

    private static bool IsBatchField(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? reader.GetString() == EventIntake.BatchField : reader.ValueSpan.SequenceEqual("events"u8);

    private void Refuse(string field, string message)
    {
        Problem = (field, message);
        Accepted.Clear();
        Rejected.Clear();
    }
}
