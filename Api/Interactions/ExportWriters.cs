using System.IO.Pipelines;
using System.Text.Json;
using CsvHelper;

namespace Platform.Api.Interactions;

/// <summary>
/// Writes exported rows (interactions, events) as they arrive from the database into the response pipe, sending whenever about
/// <see cref="SendBytes"/> have gathered: memory stays bounded by one row plus that, whatever the row count, and
/// the awaited sends pass the client's back-pressure down to the database reader.
/// </summary>
internal static class ExportWriters
{
    private const int SendBytes = 64 * 1024;

    /// <summary>Names the download (&lt;name&gt;-&lt;time&gt;.csv|json) and streams the rows in the format asked for.</summary>
    public static async Task ExportAsync<T>(
        HttpResponse response, string name, bool csv, IAsyncEnumerable<T> rows, string[] header, Action<CsvWriter, T> writeCsv,
        JsonSerializerOptions json, TimeProvider time, CancellationToken ct)
    {
        var file = $"{name}-{time.GetUtcNow():yyyyMMdd-HHmmss}.{(csv ? "csv" : "json")}";
        response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";
        if (csv)
        {
            await CsvAsync(rows, header, writeCsv, response.BodyWriter, ct);
        }
        else
        {
            await JsonAsync(rows, response.BodyWriter, json, ct);
        }
    }

    public static async Task CsvAsync<T>(IAsyncEnumerable<T> rows, string[] header, Action<CsvWriter, T> write, PipeWriter body, CancellationToken ct)
    {
        var pipe = new PipeStream(body);
        // The writer buffers a little and writes to the pipe synchronously; it never blocks there.
        await using var csv = CsvWriter.Create(pipe, CsvWriterOptions.Default with { BufferSize = 16 * 1024 }, leaveOpen: true);
        csv.WriteHeader(header);
        await foreach (var row in rows.WithCancellation(ct))
        {
            write(csv, row);
            if (pipe.Pending >= SendBytes)
            {
                await pipe.SendAsync(ct);
            }
        }
        await csv.FlushAsync(ct);
        await pipe.SendAsync(ct);
    }

    public static async Task JsonAsync<T>(IAsyncEnumerable<T> rows, PipeWriter body, JsonSerializerOptions options, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartArray();
        long sent = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            // Serialize commits each row to the pipe; nothing leaves until the awaited flush below.
            JsonSerializer.Serialize(json, row, options);
            if (json.BytesCommitted + json.BytesPending - sent >= SendBytes)
            {
                await json.FlushAsync(ct);
                sent = json.BytesCommitted;
                await body.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
        await body.FlushAsync(ct);
    }
}
