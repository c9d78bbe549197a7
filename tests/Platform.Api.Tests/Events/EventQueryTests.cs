using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Interactions;
using Platform.Testing;

namespace Platform.Api.Tests.Events;

public abstract class EventQueryTests(Storage storage, PostgresServer postgres) : EventsTestBase(storage, postgres)
{
    private static readonly DateTime Start = new(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>A message that needs every CSV escape: quotes, commas, a CRLF and a LF.</summary>
    private const string Tricky = "Card \"declined\", try again,\r\nor call:\n'support'";

    /// <summary>Ann's key sends 7 events for user u1 (sessions s1, s2) and 1 for u2; Bob's key sends 2 for u1.</summary>
    private async Task<string> SeedAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        object Event(string user, string session, string type, int minute, string? message = null) => new
        {
            userId = $"{user}-{run}", sessionId = session, eventType = type, componentId = "pay", message,
            timestamp = Start.AddMinutes(minute).ToString("o"), extra = new { n = minute },
        };
        await IngestAsync(AnnIngest, new
        {
            events = new[]
            {
                Event("u1", "s1", "view", 0), Event("u1", "s1", "click", 1), Event("u1", "s1", "click", 2), Event("u1", "s1", "error", 3, Tricky),
                Event("u1", "s2", "view", 10), Event("u1", "s2", "click", 11), Event("u1", "s2", "submit", 12), Event("u2", "s9", "view", 5),
            },
        });
        await IngestAsync(BobIngest, new { events = new[] { Event("u1", "s3", "view", 20), Event("u1", "s3", "click", 21) } });
        await StoredAsync(q => q.Where(e => e.UserId.EndsWith(run)), 10);
        return run;
    }

    private async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static List<int> Minutes(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("extra").GetProperty("n").GetInt32()).ToList();

    [Fact]
    public async Task Filters_narrow_the_list_and_the_cursor_walks_it_newest_first_without_gaps_or_repeats()
    {
        var run = await SeedAsync();
        var u1 = $"u1-{run}";

        Assert.Equal([21, 20, 12, 11, 10, 3, 2, 1, 0], Minutes(await GetAsync(Admin, $"/api/events?userId={u1}")));
        Assert.Equal([12, 11, 10], Minutes(await GetAsync(Admin, $"/api/events?userId={u1}&sessionId=s2")));
        Assert.Equal([21, 11, 2, 1], Minutes(await GetAsync(Admin, $"/api/events?userId={u1}&eventType=click")));
        var from = Start.AddMinutes(2).ToString("o");
        var to = Start.AddMinutes(11).ToString("o");
        Assert.Equal([10, 3, 2], Minutes(await GetAsync(Admin, $"/api/events?userId={u1}&from={from}&to={to}")));

        var seen = new List<int>();
        string? cursor = null;
        do
        {
            var page = await GetAsync(Admin, $"/api/events?userId={u1}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            seen.AddRange(Minutes(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal([21, 20, 12, 11, 10, 3, 2, 1, 0], seen);

        var first = (await GetAsync(Admin, $"/api/events?userId={u1}&limit=1")).GetProperty("items")[0];
        Assert.Equal("click", first.GetProperty("eventType").GetString());
        Assert.Equal("s3", first.GetProperty("sessionId").GetString());
        Assert.Equal(Start.AddMinutes(21), first.GetProperty("timestamp").GetDateTime().ToUniversalTime());
        Assert.True(first.TryGetProperty("receivedAt", out _));
    }

    [Fact]
    public async Task A_member_sees_only_the_events_their_own_keys_sent()
    {
        var run = await SeedAsync();
        Assert.Equal([12, 11, 10, 3, 2, 1, 0], Minutes(await GetAsync(AnnMember, $"/api/events?userId=u1-{run}")));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z", "to")]
    [InlineData("format=xml", "format")]
    public async Task Bad_filters_are_a_400_naming_the_parameter(string query, string field)
    {
        var url = (field == "format" ? "/api/events/export?" : "/api/events?") + query;
        using var response = await Admin.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _), url);
    }

    [Fact]
    public async Task A_csv_export_round_trips_quotes_commas_and_newlines()
    {
        var run = await SeedAsync();
        using var response = await Admin.GetAsync($"/api/events/export?format=csv&userId=u1-{run}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var rows = await InteractionExportTests.ReadCsvAsync(await response.Content.ReadAsStreamAsync(Ct));
        Assert.Equal(9, rows.Count);
        var error = rows.Single(r => r["event_type"] == "error");
        Assert.Equal(Tricky, error["message"]);
        Assert.Equal(3, JsonDocument.Parse(error["extra"]!).RootElement.GetProperty("n").GetInt32());
        // Oldest first: an export reads the timeline in order.
        Assert.Equal(Start, DateTime.Parse(rows[0]["timestamp"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
    }

    [Fact]
    public async Task A_json_export_is_one_array_of_the_filtered_events()
    {
        var run = await SeedAsync();
        using var response = await AnnMember.GetAsync($"/api/events/export?format=json&eventType=view&userId=u1-{run}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal([0, 10], rows.EnumerateArray().Select(r => r.GetProperty("extra").GetProperty("n").GetInt32()));
    }
}

public sealed class EventQueryTestsOnSqlite(PostgresServer postgres) : EventQueryTests(Storage.Sqlite, postgres);

public sealed class EventQueryTestsOnPostgres(PostgresServer postgres) : EventQueryTests(Storage.Postgres, postgres);
