using System.IO.Pipelines;
using System.Text.Json;
using CsvHelper;

namespace Platform.Api.Interactions;

/// <summary>
/// Writes exported rows as they arrive from the database into the response pipe, sending whenever about
/// <see cref="SendBytes"/> have gathered: memory stays bounded by one row plus that, whatever the row count, and
/// the awaited sends pass the client's back-pressure down to the database reader.
/// </summary>
internal static class ExportWriters
{
    private const int SendBytes = 64 * 1024;

    public static async Task CsvAsync(IAsyncEnumerable<ExportRow> rows, PipeWriter body, CancellationToken ct)
    {
        var pipe = new PipeStream(body);
        // The writer buffers a little and writes to the pipe synchronously; it never blocks there.
        await using var csv = CsvWriter.Create(pipe, CsvWriterOptions.Default with { BufferSize = 16 * 1024 }, leaveOpen: true);
        csv.WriteHeader(ExportCsv.Header);
        await foreach (var row in rows.WithCancellation(ct))
        {
            ExportCsv.Write(csv, row.Viewed());
            if (pipe.Pending >= SendBytes)
            {
                await pipe.SendAsync(ct);
            }
        }
        await csv.FlushAsync(ct);
        await pipe.SendAsync(ct);
    }

    public static async Task JsonAsync(IAsyncEnumerable<ExportRow> rows, PipeWriter body, JsonSerializerOptions options, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartArray();
        long sent = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            // Serialize commits each row to the pipe; nothing leaves until the awaited flush below.
            JsonSerializer.Serialize(json, row.Viewed(), options);
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
