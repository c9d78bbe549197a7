using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Interactions;
using Platform.Core.Interactions.Queries;
using Platform.Testing;

namespace Platform.Api.Tests.Interactions;

/// <summary>
/// The rollups (kept by triggers) answer exactly what the raw rows answer, for aligned and unaligned windows, every
/// rollup filter, and after the rows change in each way the platform writes them: bulk insert, tracked update,
/// ExecuteUpdate, delete.
/// </summary>
public abstract class InteractionRollupTests(Storage storage, PostgresServer postgres) : InteractionQueriesTestBase(storage, postgres)
{
    private static readonly DateTime Day1 = InteractionFixture.Day1;

    public static TheoryData<string, string, string, string?, string?, string?> Windows => new()
    {
        // window start, end (hours after Day1), bucket, then type, status, model filters
        { "0", "48", "day", null, null, null },
        { "0.5", "25.25", "hour", null, null, null },
        { "1.5", "26.75", "day", null, null, null },
        // A whole day from the daily histogram beside a partial one (hourly histogram and raw edge) on either side.
        { "1.5", "48", "day", null, null, null },
        { "0", "25.5", "day", null, null, null },
        { "0", "48", "day", "job", null, null },
        { "0", "48", "hour", null, "partial", null },
        { "0", "48", "day", null, null, "m1" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task Rollups_answer_what_the_raw_rows_answer(string from, string to, string bucket, string? type, string? status, string? model)
    {
        var filter = new InteractionFilter { Type = type, Status = status, Model = model };
        await AssertSameAsync(filter, Day1.AddHours(double.Parse(from, System.Globalization.CultureInfo.InvariantCulture)),
            Day1.AddHours(double.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), bucket);
    }

    [Fact]
    public async Task Rollups_answer_per_owner_and_provider()
    {
        await AssertSameAsync(new InteractionFilter { OwnerUserId = OwnerA }, Day1, Day1.AddDays(2), "day");
        await AssertSameAsync(new InteractionFilter { OwnerUserId = OwnerB }, Day1, Day1.AddDays(2), "hour");
        await AssertSameAsync(new InteractionFilter { Provider = "p2" }, Day1, Day1.AddDays(2), "day");
    }

    [Fact]
    public async Task Rollups_follow_every_kind_of_write()
    {
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            // A job output finishing (ExecuteUpdate), feedback on a tracked row, a deletion and a bulk insert.
            var r2 = Fixture.Ids["r2"];
            await db.Interactions.Where(i => i.Id == r2).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InteractionStatus.Failed).SetProperty(i => i.Response, (string?)null).SetProperty(i => i.LatencyMs, 2500.5), Ct);
            var r1 = await db.Interactions.SingleAsync(i => i.Id == Fixture.Ids["r1"], Ct);
            (r1.Feedback, r1.QualityScore, r1.MissingVariablesJson) = ("thumbs_down", 10, "[\"x\"]");
            await db.SaveChangesAsync(Ct);
            await db.Interactions.Where(i => i.Id == Fixture.Ids["r5"]).ExecuteDeleteAsync(Ct);
            await BulkInsert.InsertAsync(db, [
                new Interaction { Type = "chat", Status = InteractionStatus.Pending, OwnerUserId = OwnerA, CreatedAt = Day1.AddHours(5.5), ModelRequested = "m3" },
                new Interaction { Type = "chat", Status = InteractionStatus.Completed, OwnerUserId = OwnerA, CreatedAt = Day1.AddHours(6), Model = "m1",
                    LatencyMs = 120, CostUsd = 0.5, TotalTokens = 7, Feedback = "meh", Response = "ok" },
            ], Ct);
        }
        await AssertSameAsync(new InteractionFilter(), Day1, Day1.AddDays(2), "day");
        await AssertSameAsync(new InteractionFilter { OwnerUserId = OwnerA }, Day1.AddHours(0.25), Day1.AddHours(30), "hour");
        await AssertSameAsync(new InteractionFilter { Status = "failure" }, Day1, Day1.AddDays(2), "day");
    }

    private async Task AssertSameAsync(InteractionFilter filter, DateTime from, DateTime to, string bucket)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var raw = await InteractionMetricsQuery.RunAsync(db, filter, from, to, bucket, MetricsSource.Raw, Ct);
        var rolled = await InteractionMetricsQuery.RunAsync(db, filter, from, to, bucket, MetricsSource.Rollups, Ct);

        Assert.Equal(raw.Total, rolled.Total);
        Assert.Equal(raw.SuccessRate, rolled.SuccessRate, 12);
        Assert.Equal(raw.FailureRate, rolled.FailureRate, 12);
        Assert.Equal(raw.PartialRate, rolled.PartialRate, 12);
        AssertClose(raw.ProcessingTimeMs.Avg, rolled.ProcessingTimeMs.Avg);
        AssertClose(raw.ProcessingTimeMs.P50, rolled.ProcessingTimeMs.P50);
        AssertClose(raw.ProcessingTimeMs.P95, rolled.ProcessingTimeMs.P95);
        Assert.Equal(raw.TotalCostUsd, rolled.TotalCostUsd, 9);
        Assert.Equal(raw.TotalTokens, rolled.TotalTokens);
        Assert.Equal(raw.ByType, rolled.ByType);
        Assert.Equal(raw.ByModel, rolled.ByModel);
        Assert.Equal(raw.ByStatus, rolled.ByStatus);
        Assert.Equal(raw.Feedback, rolled.Feedback);
        AssertClose(raw.DataQualityRate, rolled.DataQualityRate);
        AssertClose(raw.AverageQualityScore, rolled.AverageQualityScore);
        Assert.Equal(raw.Series.Count, rolled.Series.Count);
        foreach (var (r, s) in raw.Series.Zip(rolled.Series))
        {
            Assert.Equal(r.Start, s.Start);
            Assert.Equal(r.Count, s.Count);
            Assert.Equal(r.Failures, s.Failures);
            Assert.Equal(r.CostUsd, s.CostUsd, 9);
            AssertClose(r.P95LatencyMs, s.P95LatencyMs);
        }
        Assert.True(raw.Total > 0 || filter.Status == "failure", "the comparison should cover some rows");
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 9);
        }
    }
}

public sealed class InteractionRollupTestsOnSqlite(PostgresServer postgres) : InteractionRollupTests(Storage.Sqlite, postgres);

public sealed class InteractionRollupTestsOnPostgres(PostgresServer postgres) : InteractionRollupTests(Storage.Postgres, postgres);
