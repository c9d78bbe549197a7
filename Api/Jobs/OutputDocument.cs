using System.Data;
using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Jobs.Llm;

namespace Platform.Api.Jobs;

/// <summary>
/// GET /api/outputs/{id}: the small fields first, then the prompt, raw answer and parsed answer copied from the
/// database reader to the response in chunks, so a large text is held once in pieces, never as strings plus a
/// serialized copy.
/// </summary>
internal sealed class OutputDocument(IQueryable<Interaction> output, OutputHead head) : IResult
{
    private const int ChunkChars = 16 * 1024;

    /// <summary>Null when no visible output has this id.</summary>
    public static async Task<OutputDocument?> FindAsync(IQueryable<Interaction> visible, Guid id, CancellationToken ct)
    {
        var output = visible.Where(o => o.Id == id);
        var row = await output.Select(o => new
        {
            o.Id, o.JobId, o.OwnerUserId, o.Template, o.Model, o.ModelRequested, o.Provider, o.InputVariablesJson, o.OutputFormat,
            o.Status, o.Feedback, o.FeedbackComment, o.MissingVariablesJson, o.ParentId, o.ErrorMessage, o.InputTokens,
            o.OutputTokens, o.TotalTokens, o.CostUsd, o.LatencyMs, o.Attempts, o.CreatedAt, o.CompletedAt,
        }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var missing = row.MissingVariablesJson is { } json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
        using var context = row.InputVariablesJson is { } variables ? JsonDocument.Parse(variables) : null;
        var head = new OutputHead(
            row.Id, row.JobId, row.OwnerUserId, row.Template, row.Model ?? row.ModelRequested, row.Provider, context?.RootElement.Clone(),
            row.OutputFormat, row.Status, row.Feedback, row.FeedbackComment, missing, missing.Count == 0, row.ParentId, row.ErrorMessage,
            row.InputTokens is null && row.OutputTokens is null ? null : new OutputUsage(row.InputTokens, row.OutputTokens, row.TotalTokens),
            row.CostUsd, row.LatencyMs, row.Attempts, row.CreatedAt, row.CompletedAt);
        return new OutputDocument(output, head);
    }

    public async Task ExecuteAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var db = http.RequestServices.GetRequiredService<PlatformDbContext>();
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter);
        writer.WriteStartObject();
        using (var fields = JsonSerializer.SerializeToDocument(head, options))
        {
            foreach (var field in fields.RootElement.EnumerateObject())
            {
                field.WriteTo(writer);
            }
        }

        // A separate CASE column for the parsed answer, so the reader can move strictly forward (sequential access).
        using var command = output.Select(o => new
        {
            o.RenderedPrompt,
            o.Response,
            Parsed = o.Status != InteractionStatus.Completed ? null
                : o.OutputFormat == "json" ? o.StructuredOutputJson
                : o.OutputFormat == "markdown" || o.OutputFormat == "html" ? o.RenderedHtml
                : o.Response,
        }).CreateDbCommand();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            var found = await reader.ReadAsync(ct);
            await WriteTextAsync(writer, http, "prompt", found ? reader : null, 0, ct);
            await WriteTextAsync(writer, http, "rawResponse", found ? reader : null, 1, ct);
            writer.WritePropertyName("parsedOutput");
            if (!found || await reader.IsDBNullAsync(2, ct))
            {
                writer.WriteNullValue();
            }
            else if (head.Format == "json")
            {
                // Parsed JSON is written as the value it is, so it is read whole (it is at most the raw answer's size).
                writer.WriteRawValue(await reader.GetTextReader(2).ReadToEndAsync(ct));
            }
            else
            {
                await CopyStringAsync(writer, http, reader.GetTextReader(2), ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
    }

    private static async Task WriteTextAsync(Utf8JsonWriter writer, HttpContext http, string name, DbDataReader? reader, int ordinal, CancellationToken ct)
    {
        writer.WritePropertyName(name);
        if (reader is null || await reader.IsDBNullAsync(ordinal, ct))
        {
            writer.WriteNullValue();
            return;
        }
        await CopyStringAsync(writer, http, reader.GetTextReader(ordinal), ct);
    }

    private static async Task CopyStringAsync(Utf8JsonWriter writer, HttpContext http, TextReader text, CancellationToken ct)
    {
        var buffer = new char[ChunkChars];
        int read;
        while ((read = await text.ReadBlockAsync(buffer, ct)) > 0)
        {
            writer.WriteStringValueSegment(buffer.AsSpan(0, read), isFinalSegment: false);
            await writer.FlushAsync(ct);
            await http.Response.BodyWriter.FlushAsync(ct);
        }
        writer.WriteStringValueSegment(ReadOnlySpan<char>.Empty, isFinalSegment: true);
    }
}
