using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Testing;

namespace Platform.Api.Tests.Interactions;

public abstract class InteractionExportTests(Storage storage, PostgresServer postgres) : InteractionQueriesTestBase(storage, postgres)
{
    [Fact]
    public async Task A_csv_export_round_trips_quotes_commas_and_newlines()
    {
        using var response = await Admin.GetAsync("/api/interactions/export?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var rows = await ReadCsvAsync(await response.Content.ReadAsStreamAsync(Ct));
        Assert.Equal(["r1", "r2", "r3", "r4", "r5", "r6"], rows.Select(r => r["session_id"]).Order(StringComparer.Ordinal));
        var r1 = rows.Single(r => r["session_id"] == "r1");
        Assert.Equal(InteractionFixture.TrickyPrompt, r1["rendered_prompt"]);
        Assert.Equal(Fixture.Ids["r1"].ToString(), r1["id"]);
        Assert.Equal("success", r1["status"]);
        Assert.Equal("accepted", r1["verdict"]);
        Assert.Equal(InteractionFixture.Day1.AddHours(1), DateTime.Parse(r1["created_at"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal("partial", rows.Single(r => r["session_id"] == "r4")["status"]);
    }

    [Fact]
    public async Task A_json_export_is_one_array_of_the_filtered_rows()
    {
        using var response = await Admin.GetAsync("/api/interactions/export?format=json&type=job", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["r3", "r4"], rows.EnumerateArray().Select(r => r.GetProperty("sessionId").GetString()));
        Assert.Equal("failure", rows[0].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Rows_larger_than_the_write_buffers_export_whole(string format)
    {
        // Several rows of 300,000 characters each: larger than every buffer between the reader and the response.
        var prompt = string.Concat(Enumerable.Repeat("a \"quoted\", comma\nline ", 15_000));
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Interactions.AddRange(Enumerable.Range(0, 3).Select(i => new Interaction
            {
                Type = "big", Status = InteractionStatus.Completed, RenderedPrompt = prompt, Response = "ok", SessionId = $"big{i}",
            }));
            await db.SaveChangesAsync(Ct);
        }
        using var response = await Admin.GetAsync($"/api/interactions/export?format={format}&type=big", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var prompts = format == "csv"
            ? (await ReadCsvAsync(await response.Content.ReadAsStreamAsync(Ct))).Select(r => r["rendered_prompt"]).ToList()
            : (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().Select(r => r.GetProperty("renderedPrompt").GetString()).ToList();
        Assert.Equal(3, prompts.Count);
        Assert.All(prompts, p => Assert.Equal(prompt, p));
    }

    [Fact]
    public async Task A_member_exports_only_their_own_rows()
    {
        using var response = await MemberB.GetAsync("/api/interactions/export", Ct);
        var rows = await ReadCsvAsync(await response.Content.ReadAsStreamAsync(Ct));
        Assert.Equal(["r6"], rows.Select(r => r["session_id"]));
    }

    internal static async Task<List<Dictionary<string, string?>>> ReadCsvAsync(Stream body)
    {
        var rows = new List<Dictionary<string, string?>>();
        await using var reader = CsvReader.Create(body);
        await foreach (var row in reader)
        {
            rows.Add(row.ToDictionary());
        }
        return rows;
    }
}

public sealed class InteractionExportTestsOnSqlite(PostgresServer postgres) : InteractionExportTests(Storage.Sqlite, postgres);

public sealed class InteractionExportTestsOnPostgres(PostgresServer postgres) : InteractionExportTests(Storage.Postgres, postgres);
