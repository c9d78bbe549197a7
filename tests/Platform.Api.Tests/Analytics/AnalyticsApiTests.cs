using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Testing;

namespace Platform.Api.Tests.Analytics;

/// <summary>The analytics endpoints over events stored straight into product_events (ingestion is another feature's).</summary>
public abstract class AnalyticsApiTests(Storage storage, PostgresServer postgres) : ApiTestBase(storage, postgres)
{
    private static readonly DateTime Day = new(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_member_reads_a_users_analytics_computed_then_cached()
    {
        var member = Factory.CreateClient(await CreateKeyAsync(await CreateUserAsync("Mia"), "member"));
        await SeedAsync(Taps("ann", "buy", 0, 300, 600), Error("ann", "pay", "Card declined", 1000), Error("ann", "pay", "Card declined", 2000),
            Error("ann", "pay", "Card declined", 3000), Event("bob", "tap", "buy", 0));

        var first = await GetAsync(member, "/api/analytics/users/ann");
        Assert.Equal("ann", first.GetProperty("userId").GetString());
        Assert.False(first.TryGetProperty("sessionId", out _));
        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.Equal(3, first.GetProperty("eventTypeDistribution").GetProperty("tap").GetInt64());
        Assert.Equal(0.5, first.GetProperty("errorRate").GetDouble());
        Assert.Equal(3, first.GetProperty("componentUsage").GetProperty("buy").GetInt64());
        var hotspot = Assert.Single(first.GetProperty("hotspots").EnumerateArray());
        Assert.Equal(("pay", "Card declined", 3), (hotspot.GetProperty("componentId").GetString(), hotspot.GetProperty("message").GetString(), hotspot.GetProperty("errors").GetInt32()));
        var painPoints = first.GetProperty("painPoints").EnumerateArray().ToList();
        Assert.Equal(["rage-click buy 3 taps in 600ms", "error-pattern pay \"Card declined\" 3 times"],
            painPoints.Select(p => $"{p.GetProperty("type").GetString()} {p.GetProperty("componentId").GetString()} {p.GetProperty("reason").GetString()}"));
        Assert.Equal(3, painPoints[0].GetProperty("metrics").GetProperty("tapBurst").GetInt32());
        Assert.Equal(600, painPoints[0].GetProperty("metrics").GetProperty("windowMs").GetInt32());
        Assert.Equal(3, painPoints[1].GetProperty("metrics").GetProperty("count").GetInt32());

        var second = await GetAsync(member, "/api/analytics/users/ann");
        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.Equal(first.GetProperty("computedAt").GetDateTime(), second.GetProperty("computedAt").GetDateTime());
        Assert.False((await GetAsync(Admin, "/api/analytics/users/ann?fresh=true")).GetProperty("cached").GetBoolean());
    }

    [Fact]
    public async Task A_session_and_a_window_narrow_the_events()
    {
        await SeedAsync(Taps("ann", "buy", 0, 300, 600), Event("ann", "error", "pay", 60_000, session: "s2"));
        var session = await GetAsync(Admin, "/api/analytics/users/ann?sessionId=s2");
        Assert.Equal("s2", session.GetProperty("sessionId").GetString());
        Assert.Equal(1.0, session.GetProperty("errorRate").GetDouble());
        var window = await GetAsync(Admin, $"/api/analytics/users/ann?from={Day:O}&to={Day.AddSeconds(1):O}");
        Assert.Equal(3, window.GetProperty("eventsAnalyzed").GetInt64());
        Assert.Equal("rage-click", Assert.Single(window.GetProperty("painPoints").EnumerateArray()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_unknown_user_has_empty_analytics()
    {
        var answer = await GetAsync(Admin, "/api/analytics/users/nobody");
        Assert.Equal(0, answer.GetProperty("eventsAnalyzed").GetInt64());
        Assert.Empty(answer.GetProperty("painPoints").EnumerateArray());
    }

    [Fact]
    public async Task An_ingest_key_cannot_read_analytics()
    {
        var ingest = Factory.CreateClient(await CreateKeyAsync(await CreateUserAsync("Ian"), "ingest"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ingest.GetAsync("/api/analytics/users/ann", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ingest.GetAsync("/api/analytics/overview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync("/api/analytics/users/ann", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/api/analytics/users/ann?from=yesterday", "from")]
    [InlineData("/api/analytics/users/ann?to=2026-13-01", "to")]
    [InlineData("/api/analytics/users/ann?from=2026-04-02&to=2026-04-01", "to")]
    [InlineData("/api/analytics/users/ann?fresh=maybe", "fresh")]
    [InlineData("/api/analytics/users/ann?sessionId=%20", "sessionId")]
    [InlineData("/api/analytics/overview?from=2026-01-01&to=2026-06-01", "from")]
    [InlineData("/api/analytics/overview?from=2026-04-02&to=2026-04-01", "to")]
    [InlineData("/api/analytics/overview?to=0001-01-01", "to")]
    [InlineData("/api/analytics/overview?fresh=1", "fresh")]
    public async Task A_bad_parameter_is_a_400_naming_it(string url, string field)
    {
        using var response = await Admin.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _), url);
    }

    [Fact]
    public async Task Ids_over_their_limit_are_400s_naming_them()
    {
        var id = new string('u', ProductEventLimits.MaxIdLength + 1);
        using var user = await Admin.GetAsync($"/api/analytics/users/{id}", Ct);
        Assert.True((await ProblemAsync(user)).GetProperty("errors").TryGetProperty("userId", out _));
        using var session = await Admin.GetAsync($"/api/analytics/users/ann?sessionId={id}", Ct);
        Assert.True((await ProblemAsync(session)).GetProperty("errors").TryGetProperty("sessionId", out _));
    }

    [Fact]
    public async Task The_overview_ranks_pain_points_by_users_affected_and_counts_events_per_type_and_day()
    {
        await SeedAsync(
            Taps("ann", "buy", 0, 300, 600), Taps("ann", "buy", 10_000, 10_300, 10_600), Taps("bob", "buy", 0, 100, 200),
            Event("bob", "input", "signup", 5000), Event("cid", "view", null, 0), Event("dan", "tap", "buy", 86_400_000));

        var overview = await GetAsync(Admin, $"/api/analytics/overview?from={Day.Date:O}&to={Day.Date.AddDays(2):O}");
        var points = overview.GetProperty("painPoints").EnumerateArray()
            .Select(p => $"{p.GetProperty("type").GetString()} {p.GetProperty("componentId").GetString()} {p.GetProperty("occurrences").GetInt64()} {p.GetProperty("usersAffected").GetInt32()}");
        Assert.Equal(["rage-click buy 3 2", "form-abandonment signup 1 1"], points);
        Assert.Equal(2, overview.GetProperty("usersAffected").GetInt32());
        Assert.Equal(4, overview.GetProperty("usersInWindow").GetInt32());
        var perDay = overview.GetProperty("eventsPerTypePerDay").EnumerateArray()
            .Select(d => $"{d.GetProperty("day").GetDateTime():MM-dd} {d.GetProperty("eventType").GetString()} {d.GetProperty("count").GetInt64()}");
        Assert.Equal(["04-10 tap 9", "04-10 input 1", "04-10 view 1", "04-11 tap 1"], perDay);
        Assert.False(overview.GetProperty("cached").GetBoolean());
        Assert.True((await GetAsync(Admin, $"/api/analytics/overview?from={Day.Date:O}&to={Day.Date.AddDays(2):O}")).GetProperty("cached").GetBoolean());
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task SeedAsync(params IEnumerable<ProductEvent>[] groups)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.ProductEvents.AddRange(groups.SelectMany(g => g));
        await db.SaveChangesAsync(Ct);
    }

    private static IEnumerable<ProductEvent> Taps(string user, string component, params double[] offsets) =>
        offsets.SelectMany(ms => Event(user, "tap", component, ms));

    private static IEnumerable<ProductEvent> Error(string user, string component, string message, double ms) =>
        Event(user, "error", component, ms, message);

    private static IEnumerable<ProductEvent> Event(string user, string type, string? component, double ms, string? message = null, string session = "s1") =>
    [
        new ProductEvent
        {
            UserId = user, SessionId = session, EventType = type, ComponentId = component, Message = message,
            Timestamp = Day.AddMilliseconds(ms), ReceivedAt = Day.AddMilliseconds(ms),
        },
    ];
}

public sealed class AnalyticsApiTestsOnSqlite(PostgresServer postgres) : AnalyticsApiTests(Storage.Sqlite, postgres);

public sealed class AnalyticsApiTestsOnPostgres(PostgresServer postgres) : AnalyticsApiTests(Storage.Postgres, postgres);
