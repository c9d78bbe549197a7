using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Events;
using Platform.Core.Analytics;
using Platform.Testing;

namespace Platform.Api.Tests.Analytics;

/// <summary>The Api warms a heavy user's snapshot from what it ingests: no analytics request is needed to leave one.</summary>
public abstract class SnapshotWarmApiTests(Storage storage, PostgresServer postgres) : EventsTestBase(storage, postgres)
{
    protected override IReadOnlyDictionary<string, string>? Settings() => new Dictionary<string, string>(base.Settings()!)
    {
        ["Analytics:SnapshotMinEvents"] = "100",
        ["Analytics:SnapshotWarmSeconds"] = "1",
    };

    [Fact]
    public async Task Events_posted_for_a_heavy_user_leave_a_snapshot_that_answers_the_same()
    {
        var start = DateTime.UtcNow.AddHours(-1);
        var events = Enumerable.Range(0, 150).Select(i => new
        {
            userId = "heavy",
            sessionId = $"s{i / 50}",
            eventType = i % 10 == 9 ? "error" : "tap",
            componentId = $"c{i % 4}",
            message = i % 10 == 9 ? "boom" : null,
            timestamp = start.AddSeconds(i * 5),
        });
        await IngestAsync(AnnIngest, new { events });

        var cache = Factory.Services.GetRequiredService<IDistributedCache>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // Only bounds a failing test: the warmer's one-second pass leaves it much sooner.
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        while (await cache.GetAsync(AnalyticsSnapshots.KeyPrefix + "heavy", deadline.Token) is null)
        {
            await Task.Delay(50, deadline.Token);
        }

        var warmed = await GetAsync("/api/analytics/users/heavy");
        await Factory.Services.GetRequiredService<AnalyticsSnapshots>().ForgetAsync("heavy", Ct);
        var full = await GetAsync("/api/analytics/users/heavy?fresh=true");
        Assert.False(warmed.GetProperty("cached").GetBoolean());
        Assert.Equal(150, warmed.GetProperty("eventsAnalyzed").GetInt64());
        Assert.Equal(Without(full, "computedAt"), Without(warmed, "computedAt"));
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        using var response = await AnnMember.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static string Without(JsonElement answer, string property) =>
        JsonSerializer.Serialize(answer.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));
}

public sealed class SnapshotWarmApiTestsOnSqlite(PostgresServer postgres) : SnapshotWarmApiTests(Storage.Sqlite, postgres);

public sealed class SnapshotWarmApiTestsOnPostgres(PostgresServer postgres) : SnapshotWarmApiTests(Storage.Postgres, postgres);
