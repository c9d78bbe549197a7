using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Events;
using Platform.Testing;

namespace Platform.Api.Tests.Events;

public abstract class EventIngestionTests(Storage storage, PostgresServer postgres) : EventsTestBase(storage, postgres)
{
    [Fact]
    public async Task A_batch_stores_its_valid_events_and_lists_the_invalid_ones_by_index()
    {
        var user = "u-" + Guid.NewGuid().ToString("N");
        var answer = await IngestAsync(AnnIngest, new
        {
            events = new object[]
            {
                new { userId = user, eventType = "click", componentId = "buy", x = 10.5, y = 20, timestamp = "2026-03-01T10:00:00Z",
                    extra = new { plan = "pro", items = new[] { 1, 2 } } },
                new { userId = user, eventType = "NotLower" },
                new { userId = user, eventType = "error", message = "Card declined", sessionId = "s1", durationMs = 12 },
                new { eventType = "click" },
                "not an object",
            },
        });

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        var rejected = answer.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 3, 4], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.StartsWith("eventType:", rejected[0].GetProperty("error").GetString());
        Assert.StartsWith("userId:", rejected[1].GetProperty("error").GetString());

        var stored = await StoredAsync(q => q.Where(e => e.UserId == user).OrderBy(e => e.EventType), 2);
        Assert.Equal(["click", "error"], stored.Select(e => e.EventType));
        var click = stored[0];
        Assert.Equal(("buy", 10.5, 20.0), (click.ComponentId, click.X!.Value, click.Y!.Value));
        Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc), click.Timestamp);
        Assert.Equal("pro", JsonDocument.Parse(click.ExtraJson!).RootElement.GetProperty("plan").GetString());
        Assert.Equal(AnnId, click.OwnerUserId);
        // No client time: the server's receive time stands in.
        Assert.Equal(stored[1].ReceivedAt, stored[1].Timestamp);
        Assert.Equal(("Card declined", "s1", 12.0), (stored[1].Message, stored[1].SessionId, stored[1].DurationMs!.Value));
    }

    [Fact]
    public async Task Every_timestamp_form_stores_the_same_utc_instant()
    {
        var user = "u-" + Guid.NewGuid().ToString("N");
        // JavaScript's toISOString() (the fast path), an offset, no offset (taken as UTC), and Date.now() milliseconds.
        string[] forms = ["\"2026-03-01T10:00:00.250Z\"", "\"2026-03-01T12:00:00.25+02:00\"", "\"2026-03-01T10:00:00.25\"", "1772359200250"];
        var body = "{\"events\":[" + string.Join(",", forms.Select((t, i) => $$"""{"userId":"{{user}}","eventType":"t{{i}}","timestamp":{{t}}}""")) + "]}";

        using var response = await PostRawAsync(AnnIngest, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(forms.Length, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accepted").GetInt32());
        var stored = await StoredAsync(q => q.Where(e => e.UserId == user), forms.Length);
        var expected = new DateTime(2026, 3, 1, 10, 0, 0, 250, DateTimeKind.Utc);
        Assert.Equal(forms.Length, stored.Count);
        Assert.All(stored, e => Assert.Equal(expected, e.Timestamp));
    }

    public static TheoryData<string, string> InvalidEvents() => new()
    {
        { """{"eventType":"click"}""", "userId" },
        { $$"""{"userId":"{{new string('u', ProductEventLimits.MaxIdLength + 1)}}","eventType":"click"}""", "userId" },
        { """{"userId":"u","eventType":"Click"}""", "eventType" },
        { $$"""{"userId":"u","eventType":"{{new string('a', ProductEventLimits.MaxEventTypeLength + 1)}}"}""", "eventType" },
        { """{"userId":"u"}""", "eventType" },
        { $$"""{"userId":"u","eventType":"click","sessionId":"{{new string('s', ProductEventLimits.MaxIdLength + 1)}}"}""", "sessionId" },
        { $$"""{"userId":"u","eventType":"click","componentId":"{{new string('c', ProductEventLimits.MaxIdLength + 1)}}"}""", "componentId" },
        { $$"""{"userId":"u","eventType":"click","page":"{{new string('p', ProductEventLimits.MaxIdLength + 1)}}"}""", "page" },
        { $$"""{"userId":"u","eventType":"click","pageUrl":"{{new string('p', ProductEventLimits.MaxUrlLength + 1)}}"}""", "pageUrl" },
        { $$"""{"userId":"u","eventType":"click","targetUrl":"{{new string('t', ProductEventLimits.MaxUrlLength + 1)}}"}""", "targetUrl" },
        { $$"""{"userId":"u","eventType":"click","query":"{{new string('q', ProductEventLimits.MaxTextLength + 1)}}"}""", "query" },
        { $$"""{"userId":"u","eventType":"click","message":"{{new string('m', ProductEventLimits.MaxTextLength + 1)}}"}""", "message" },
        { """{"userId":"u","eventType":"click","message":"a\u0000b"}""", "message" },
        { """{"userId":"u","eventType":"click","timestamp":"1999-12-31T23:59:59Z"}""", "timestamp" },
        { """{"userId":"u","eventType":"click","timestamp":"9000-01-01T00:00:00Z"}""", "timestamp" },
        { """{"userId":"u","eventType":"click","timestamp":"yesterday"}""", "timestamp" },
        { """{"userId":"u","eventType":"click","durationMs":-1}""", "durationMs" },
        { """{"userId":"u","eventType":"click","x":1e400}""", "x" },
        { """{"userId":"u","eventType":"click","y":"12"}""", "y" },
        { """{"userId":"u","eventType":"click","extra":[1]}""", "extra" },
        { "{\"userId\":\"u\",\"eventType\":\"click\",\"extra\":{\"a\":\"" + new string('e', ProductEventLimits.MaxExtraBytes) + "\"}}", "extra" },
        { """{"userId":"u","eventType":"click","color":"red"}""", "color" },
        { """[1,2]""", "body" },
        { """{"userId":""", "body" },
        // A batch's shape, and bodies that are not JSON to their end.
        { """{"events":[{"userId":"u","eventType":"view"}],"userId":"u"}""", "userId" },
        { """{"userId":"u","events":[{"userId":"u","eventType":"view"}]}""", "userId" },
        { """{"events":{"userId":"u","eventType":"view"}}""", "events" },
        { """{"events":[{"userId":"u","eventType":"view"}]} trailing""", "body" },
        { """{"events":[{"userId":"u","eventType":"view","extra":{"a":[1,}}]}""", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public async Task Every_limit_on_a_single_event_and_every_malformed_body_is_a_400_naming_the_field(string json, string field)
    {
        using var response = await PostRawAsync(AnnIngest, json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_string_that_is_not_UTF8_is_a_400_not_a_500()
    {
        byte[] body = [.. "{\"userId\":\""u8, 0xC3, 0x28, .. "\",\"eventType\":\"view\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await AnnIngest.PostAsync("/api/events", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Escaped_field_names_and_an_extra_object_as_sent_are_read_like_plain_ones()
    {
        var user = "u-" + Guid.NewGuid().ToString("N");
        var body = $$"""{"\u0065vents":[{"user\u0049d":"{{user}}","eventType":"view","extra":{ "k" : [1, {"n":null}] },"message":null}]}""";

        using var response = await PostRawAsync(AnnIngest, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Assert.Single(await StoredAsync(q => q.Where(e => e.UserId == user), 1));
        Assert.Equal("""{ "k" : [1, {"n":null}] }""", stored.ExtraJson);
        Assert.Null(stored.Message);
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_a_400_naming_events()
    {
        var events = Enumerable.Range(0, ProductEventLimits.MaxBatch + 1).Select(_ => new { userId = "u", eventType = "view" });
        using var response = await AnnIngest.PostAsJsonAsync("/api/events", new { events }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("events", out _));
    }

    [Fact]
    public async Task A_body_over_Events_MaxRequestBytes_is_a_413_naming_the_setting()
    {
        var message = new string('m', 3_000);
        var events = Enumerable.Range(0, 400).Select(_ => new { userId = "u", eventType = "view", message });
        using var response = await AnnIngest.PostAsJsonAsync("/api/events", new { events }, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Events:MaxRequestBytes", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/events")]
    [InlineData("GET", "/api/events/export")]
    [InlineData("GET", "/api/analytics/users/u1")]
    [InlineData("GET", "/api/analytics/overview")]
    [InlineData("GET", "/api/interactions")]
    [InlineData("GET", "/export_data")]
    [InlineData("POST", "/query")]
    [InlineData("POST", "/api/llm/chat")]
    public async Task An_ingest_key_can_write_events_but_read_nothing(string method, string url)
    {
        using var response = await AnnIngest.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
        }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_ingest_key_in_the_query_string_is_taken_for_posting_events_only()
    {
        var anonymous = Factory.CreateClient(apiKey: null);
        var user = "beacon-" + Guid.NewGuid().ToString("N");
        // sendBeacon sends text/plain; the body is JSON all the same.
        using var beacon = await anonymous.PostAsync($"/api/events?key={AnnIngestKey}",
            new StringContent($$"""{"events":[{"userId":"{{user}}","eventType":"pageleave"}]}""", Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, beacon.StatusCode);
        Assert.Single(await StoredAsync(q => q.Where(e => e.UserId == user), 1));

        using var member = await PostRawAsync(anonymous, """{"userId":"u","eventType":"view"}""", $"/api/events?key={AnnMemberKey}");
        Assert.Equal(HttpStatusCode.Unauthorized, member.StatusCode);
        Assert.Contains("ingest key", (await ProblemAsync(member)).GetProperty("detail").GetString());

        using var elsewhere = await anonymous.GetAsync($"/api/me?key={AnnIngestKey}", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_and_another_origin_is_refused()
    {
        var anonymous = Factory.CreateClient(apiKey: null);
        foreach (var url in new[] { "/api/events", "/log_event" })
        {
            using var allowed = await anonymous.SendAsync(Preflight(url, AllowedOrigin), Ct);
            Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
            Assert.Equal(AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
            var headers = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
            Assert.Contains("authorization", headers);
            Assert.Contains("content-type", headers);
            Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));

            using var other = await anonymous.SendAsync(Preflight(url, "https://evil.example.net"), Ct);
            Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        }

        var post = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = new StringContent("""{"userId":"cors","eventType":"view"}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("Origin", AllowedOrigin);
        post.Headers.Add("X-Api-Key", AnnIngestKey);
        using var response = await anonymous.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    private static HttpRequestMessage Preflight(string url, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    [Fact]
    public async Task Events_accepted_before_a_stop_are_in_the_database_after_it()
    {
        var user = "stop-" + Guid.NewGuid().ToString("N");
        var accepted = 0;
        for (var i = 0; i < 10; i++)
        {
            var events = Enumerable.Range(0, 500).Select(n => new { userId = user, eventType = "view", page = $"p{n}" });
            accepted += (await IngestAsync(AnnIngest, new { events })).GetProperty("accepted").GetInt32();
        }
        await Factory.Host.StopAsync(Ct);

        Assert.Equal(5_000, accepted);
        Assert.Equal(accepted, (await ReadAsync(q => q.Where(e => e.UserId == user))).Count);
    }
}

public sealed class EventIngestionTestsOnSqlite(PostgresServer postgres) : EventIngestionTests(Storage.Sqlite, postgres);

public sealed class EventIngestionTestsOnPostgres(PostgresServer postgres) : EventIngestionTests(Storage.Postgres, postgres);
