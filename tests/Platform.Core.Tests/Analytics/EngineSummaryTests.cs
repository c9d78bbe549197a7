using Platform.Core.Analytics;

namespace Platform.Core.Tests.Analytics;

public sealed class EngineSummaryTests
{
    [Fact]
    public void No_events_give_an_empty_answer_with_a_zero_error_rate()
    {
        var result = new Sequence().Run();
        Assert.Equal(0, result.Events);
        Assert.Equal(0, result.ErrorRate);
        Assert.Empty(result.EventTypeDistribution);
        Assert.Empty(result.Hotspots);
        Assert.Empty(result.PainPoints);
        Assert.Empty(result.ComponentUsage);
    }

    [Fact]
    public void Distribution_and_usage_count_events_most_frequent_first()
    {
        var result = new Sequence().At(0, "pageview", page: "/").At(1, "click", "menu").At(2, "click", "buy").At(3, "input", "search")
            .At(4, "click", "buy").At(5, "error", "buy", message: "x").At(6, "dwell", "buy", durationMs: 5).At(7, "custom_thing", "buy").Run();
        Assert.Equal([("click", 3L), ("custom_thing", 1L), ("dwell", 1L), ("error", 1L), ("input", 1L), ("pageview", 1L)],
            result.EventTypeDistribution.Select(d => (d.Key, d.Value)));
        // Errors, dwell and page views are not interactions with a component.
        Assert.Equal([("buy", 3L), ("menu", 1L), ("search", 1L)], result.ComponentUsage.Select(u => (u.Key, u.Value)));
        Assert.Equal(1.0 / 8, result.ErrorRate, 10);
    }

    [Fact]
    public void Distribution_and_usage_keep_the_top_keys_only()
    {
        var run = new Sequence();
        for (var i = 0; i < 5; i++)
        {
            run.At(i, $"type{i}", $"c{i}");
        }
        var result = run.Run(new AnalyticsOptions { MaxKeys = 2 });
        Assert.Equal(2, result.EventTypeDistribution.Count);
        Assert.Equal(2, result.ComponentUsage.Count);
        Assert.Equal(5, result.Events);
    }

    [Fact]
    public void Pain_points_come_in_a_fixed_order_of_type_then_severity_then_time()
    {
        var run = new Sequence()
            .At(0, "dwell", "video", durationMs: 130_000)
            .At(1, "input", "signup")
            .At(2, "error", "pay", message: "e").At(3, "error", "pay", message: "e").At(4, "error", "pay", message: "e")
            .Taps("menu", 10, 20, 30)
            .Taps("buy", 40, 50, 60)
            .At(70, "dwell", "map", durationMs: 300_000);
        Assert.Equal([
            "rage-click menu 3 taps in 20ms {tapBurst=3, windowMs=20}",
            "rage-click buy 3 taps in 20ms {tapBurst=3, windowMs=20}",
            "error-pattern pay \"e\" 3 times {count=3}",
            "form-abandonment signup input but no submit and no success {submits=0, errors=0}",
            "long-dwell map 300 s on map {dwellMs=300000}",
            "long-dwell video 130 s on video {dwellMs=130000}",
        ], run.PainPoints());
    }

    [Fact]
    public void Bad_options_name_their_key()
    {
        Assert.Equal("Analytics:LongDwellSeconds must be between 1 and 86400.", new AnalyticsOptions { LongDwellSeconds = 0 }.Problem());
        Assert.Equal("Analytics:RageClickMinTaps must be between 2 and 100.", new AnalyticsOptions { RageClickMinTaps = 1 }.Problem());
        Assert.Equal("Analytics:SnapshotGraceSeconds must be between 0 and 86400.", new AnalyticsOptions { SnapshotGraceSeconds = -1 }.Problem());
        Assert.Equal("Analytics:SnapshotMinEvents must be between 1 and 10000000.", new AnalyticsOptions { SnapshotMinEvents = 0 }.Problem());
        Assert.Equal("Analytics:SnapshotWarmSeconds must be between 0 (off) and 86400.", new AnalyticsOptions { SnapshotWarmSeconds = -1 }.Problem());
        Assert.Equal("Analytics:SnapshotWarmMaxUsers must be between 1 and 10000.", new AnalyticsOptions { SnapshotWarmMaxUsers = 0 }.Problem());
        Assert.Null(new AnalyticsOptions().Problem());
    }
}
