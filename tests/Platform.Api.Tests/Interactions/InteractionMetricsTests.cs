using System.Text.Json;
using Platform.Testing;

namespace Platform.Api.Tests.Interactions;

/// <summary>Metrics of member A's five fixture rows, worked out by hand (latencies 100, 200, 300, 400, 1000 ms).</summary>
public abstract class InteractionMetricsTests(Storage storage, PostgresServer postgres) : InteractionQueriesTestBase(storage, postgres)
{
    private const string Window = "from=2026-01-10T00:00:00Z&to=2026-01-12T00:00:00Z";

    [Fact]
    public async Task Metrics_match_the_hand_built_fixture()
    {
        var m = await GetJsonAsync(MemberA, "/api/interactions/metrics?bucket=day&" + Window);

        Assert.Equal(5, m.GetProperty("total").GetInt64());
        Assert.Equal(0.6, m.GetProperty("successRate").GetDouble(), 9);
        Assert.Equal(0.2, m.GetProperty("failureRate").GetDouble(), 9);
        Assert.Equal(0.2, m.GetProperty("partialRate").GetDouble(), 9);
        var latency = m.GetProperty("processingTimeMs");
        Assert.Equal(400, latency.GetProperty("avg").GetDouble(), 9);
        Assert.Equal(300, latency.GetProperty("p50").GetDouble(), 9);
        // percentile_cont: rank 0.95 * 4 = 3.8, so 400 + 0.8 * (1000 - 400).
        Assert.Equal(880, latency.GetProperty("p95").GetDouble(), 9);
        Assert.Equal(0.17, m.GetProperty("totalCostUsd").GetDouble(), 9);
        Assert.Equal(170, m.GetProperty("totalTokens").GetInt64());
        Assert.Equal(Counts(("chat", 2), ("job", 2), ("playground", 1)), Counts(m.GetProperty("byType")));
        Assert.Equal(Counts(("m1", 3), ("m2", 2)), Counts(m.GetProperty("byModel")));
        Assert.Equal(Counts(("failure", 1), ("partial", 1), ("success", 3)), Counts(m.GetProperty("byStatus")));
        Assert.Equal(Counts(("accepted", 1), ("no_feedback", 2), ("rejected", 1), ("thumbs_up", 1)), Counts(m.GetProperty("feedback")));
        Assert.Equal(0.6, m.GetProperty("dataQualityRate").GetDouble(), 9);
        Assert.Equal(160.0 / 3, m.GetProperty("averageQualityScore").GetDouble(), 9);

        var series = m.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(2, series.Count);
        AssertBucket(series[0], "2026-01-10T00:00:00Z", 3, 1, 0.03, 290);
        AssertBucket(series[1], "2026-01-11T00:00:00Z", 2, 1, 0.14, 970);
    }

    [Fact]
    public async Task Hourly_buckets_cover_the_window_including_empty_hours()
    {
        var m = await GetJsonAsync(MemberA, "/api/interactions/metrics?bucket=hour&from=2026-01-10T00:00:00Z&to=2026-01-10T05:00:00Z");
        var counts = m.GetProperty("series").EnumerateArray().Select(b => b.GetProperty("count").GetInt64()).ToArray();
        Assert.Equal([0L, 1, 1, 1, 0], counts);
        Assert.Equal(3, m.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_admin_sees_every_owner_and_a_member_only_their_own()
    {
        var all = await GetJsonAsync(Admin, "/api/interactions/metrics?" + Window);
        Assert.Equal(6, all.GetProperty("total").GetInt64());
        Assert.Equal(1.17, all.GetProperty("totalCostUsd").GetDouble(), 9);
        var bob = await GetJsonAsync(MemberB, "/api/interactions/metrics?" + Window);
        Assert.Equal(1, bob.GetProperty("total").GetInt64());
        Assert.Equal(50, bob.GetProperty("processingTimeMs").GetProperty("p95").GetDouble(), 9);
    }

    [Fact]
    public async Task Filters_apply_to_metrics_and_an_empty_selection_has_zero_rates()
    {
        var jobs = await GetJsonAsync(Admin, "/api/interactions/metrics?type=job&" + Window);
        Assert.Equal(2, jobs.GetProperty("total").GetInt64());
        Assert.Equal(0.5, jobs.GetProperty("failureRate").GetDouble(), 9);
        var none = await GetJsonAsync(Admin, "/api/interactions/metrics?model=nobody&" + Window);
        Assert.Equal(0, none.GetProperty("total").GetInt64());
        Assert.Equal(0, none.GetProperty("successRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("processingTimeMs").GetProperty("p95").ValueKind);
    }

    [Fact]
    public async Task Failures_are_newest_first_with_error_and_input()
    {
        var failures = (await GetJsonAsync(Admin, "/api/interactions/failures?limit=50")).EnumerateArray().ToList();
        Assert.Equal(["r4", "r3"], failures.Select(f => Fixture.Names([f.GetProperty("id").GetGuid()])[0]));
        Assert.Equal("cut off", failures[0].GetProperty("errorMessage").GetString());
        Assert.Equal("{\"name\":\"r4\"}", failures[0].GetProperty("inputVariablesPreview").GetString());
        Assert.Empty((await GetJsonAsync(MemberB, "/api/interactions/failures")).EnumerateArray());
    }

    [Fact]
    public async Task Data_quality_issues_count_each_missing_variable()
    {
        var issues = await GetJsonAsync(Admin, "/api/interactions/data-quality-issues?limit=10");
        Assert.Equal(2, issues.GetProperty("incompleteRecords").GetInt64());
        var variables = issues.GetProperty("variables").EnumerateArray()
            .Select(v => (v.GetProperty("variable").GetString(), v.GetProperty("count").GetInt64())).ToArray();
        Assert.Equal([("name", 2L), ("tone", 1L)], variables);
        Assert.Equal(0, (await GetJsonAsync(MemberB, "/api/interactions/data-quality-issues")).GetProperty("incompleteRecords").GetInt64());
    }

    [Theory]
    [InlineData("/api/interactions/metrics?bucket=week", "bucket")]
    [InlineData("/api/interactions/metrics?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("/api/interactions/metrics?bucket=hour&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "bucket")]
    [InlineData("/api/interactions/metrics?from=9000-01-01T00:00:00Z", "from")]
    [InlineData("/api/interactions/failures?limit=501", "limit")]
    [InlineData("/api/interactions/data-quality-issues?limit=0", "limit")]
    [InlineData("/api/interactions/export?format=xml", "format")]
    [InlineData("/api/interactions/export?status=nope", "status")]
    public Task A_bad_parameter_is_a_400_naming_it(string url, string field) => AssertRefusedAsync(Admin, url, field);

    private static void AssertBucket(JsonElement bucket, string start, long count, long failures, double cost, double p95)
    {
        Assert.Equal(DateTime.Parse(start, null, System.Globalization.DateTimeStyles.AdjustToUniversal), bucket.GetProperty("start").GetDateTime().ToUniversalTime());
        Assert.Equal(count, bucket.GetProperty("count").GetInt64());
        Assert.Equal(failures, bucket.GetProperty("failures").GetInt64());
        Assert.Equal(cost, bucket.GetProperty("costUsd").GetDouble(), 9);
        Assert.Equal(p95, bucket.GetProperty("p95LatencyMs").GetDouble(), 9);
    }

    private static SortedDictionary<string, long> Counts(JsonElement counts) =>
        new(counts.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()), StringComparer.Ordinal);

    private static SortedDictionary<string, long> Counts(params (string Key, long Count)[] counts) =>
        new(counts.ToDictionary(c => c.Key, c => c.Count), StringComparer.Ordinal);
}

public sealed class InteractionMetricsTestsOnSqlite(PostgresServer postgres) : InteractionMetricsTests(Storage.Sqlite, postgres);

public sealed class InteractionMetricsTestsOnPostgres(PostgresServer postgres) : InteractionMetricsTests(Storage.Postgres, postgres);
