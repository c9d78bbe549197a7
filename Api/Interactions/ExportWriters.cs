using System.IO.Pipelines;
using System.Text.Json;
using CsvHelper;

namespace Platform.Api.Interactions;

/// <summary>
/// Writes exported rows as they arrive from the database, flushing every few hundred rows so the response, not
/// the process, holds the bytes: memory stays constant whatever the row count.
/// </summary>
internal static class ExportWriters
{
    private const int FlushEvery = 500;

    public static async Task CsvAsync(IAsyncEnumerable<ExportRow> rows, Stream body, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader(ExportCsv.Header);
        var n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            ExportCsv.Write(csv, row.Viewed());
            if (++n % FlushEvery == 0)
            {
                await csv.FlushAsync(ct);
            }
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>
    /// The JSON writer sits on the response's pipe: the serializer's own flushes only hand bytes to the pipe (no
    /// synchronous I/O), and the awaited pipe flushes apply back-pressure from the client.
    /// </summary>
    public static async Task JsonAsync(IAsyncEnumerable<ExportRow> rows, PipeWriter body, JsonSerializerOptions options, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartArray();
        var n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            JsonSerializer.Serialize(json, row.Viewed(), options);
            if (++n % FlushEvery == 0)
            {
                await json.FlushAsync(ct);
                await body.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
        await body.FlushAsync(ct);
    }
}
