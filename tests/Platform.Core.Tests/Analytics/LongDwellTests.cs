namespace Platform.Core.Tests.Analytics;

public sealed class LongDwellTests
{
    [Theory]
    [InlineData(119_999, false)]
    [InlineData(120_000, false)]
    [InlineData(120_001, true)]
    public void A_dwell_counts_only_over_the_threshold(double durationMs, bool expected)
    {
        var points = new Sequence().At(0, "dwell", page: "/checkout", durationMs: durationMs).PainPoints();
        Assert.Equal(expected ? ["long-dwell /checkout 120 s on /checkout {dwellMs=120001}"] : [], points);
    }

    [Fact]
    public void A_view_to_leave_span_over_the_threshold_is_a_long_dwell()
    {
        var run = new Sequence().At(0, "pageview", page: "/pricing").At(185_500, "pageleave", page: "/pricing");
        Assert.Equal(["long-dwell /pricing 185.5 s on /pricing {dwellMs=185500}"], run.PainPoints());
    }

    [Fact]
    public void A_view_to_leave_span_just_under_is_not()
    {
        Assert.Empty(new Sequence().At(0, "view", "chart").At(119_999, "pageleave", "chart").PainPoints());
    }

    [Fact]
    public void A_visit_reported_by_its_dwell_event_is_not_counted_twice()
    {
        var run = new Sequence().At(0, "pageview", page: "/pricing").At(200_000, "dwell", page: "/pricing", durationMs: 200_000)
            .At(200_001, "pageleave", page: "/pricing");
        Assert.Equal(["long-dwell /pricing 200 s on /pricing {dwellMs=200000}"], run.PainPoints());
    }

    [Fact]
    public void Spans_pair_views_and_leaves_of_the_same_page_and_session()
    {
        var run = new Sequence().At(0, "pageview", page: "/a").At(0, "pageview", page: "/b", session: "s2")
            .At(150_000, "pageleave", page: "/b").At(150_000, "pageleave", page: "/a", session: "s2");
        Assert.Empty(run.PainPoints());
    }

    [Fact]
    public void The_threshold_comes_from_the_options()
    {
        Assert.Single(new Sequence().At(0, "dwell", "video", durationMs: 10_001).PainPoints(new() { LongDwellSeconds = 10 }));
    }
}
