namespace Platform.Core.Tests.Analytics;

public sealed class RageClickTests
{
    [Fact]
    public void Three_taps_999_ms_apart_are_one_rage_click()
    {
        Assert.Equal(["rage-click buy 3 taps in 1998ms {tapBurst=3, windowMs=1998}"], new Sequence().Taps("buy", 0, 999, 1998).PainPoints());
    }

    [Fact]
    public void Three_taps_1001_ms_apart_are_not()
    {
        Assert.Empty(new Sequence().Taps("buy", 0, 1001, 2002).PainPoints());
    }

    [Fact]
    public void A_gap_of_exactly_the_window_still_continues_the_burst()
    {
        Assert.Equal(["rage-click buy 3 taps in 2000ms {tapBurst=3, windowMs=2000}"], new Sequence().Taps("buy", 0, 1000, 2000).PainPoints());
    }

    [Fact]
    public void Clicks_count_like_taps_and_the_reason_gives_the_window()
    {
        var taps = new Sequence().At(0, "click", "buy").At(400, "click", "buy").At(980, "click", "buy");
        Assert.Equal(["rage-click buy 3 taps in 980ms {tapBurst=3, windowMs=980}"], taps.PainPoints());
    }

    [Fact]
    public void Taps_30_px_from_the_one_before_are_a_burst()
    {
        var taps = new Sequence().At(0, "tap", "buy", 0, 0).At(100, "tap", "buy", 30, 0).At(200, "tap", "buy", 30, 30);
        Assert.Equal(["rage-click buy 3 taps in 200ms {tapBurst=3, windowMs=200}"], taps.PainPoints());
    }

    [Fact]
    public void Taps_31_px_from_the_one_before_are_not()
    {
        var taps = new Sequence().At(0, "tap", "buy", 0, 0).At(100, "tap", "buy", 31, 0).At(200, "tap", "buy", 62, 0);
        Assert.Empty(taps.PainPoints());
    }

    [Fact]
    public void Without_coordinates_only_time_counts()
    {
        var taps = new Sequence().At(0, "tap", "buy", 0, 0).At(100, "tap", "buy").At(200, "tap", "buy", 500, 500);
        Assert.Single(taps.PainPoints());
    }

    [Fact]
    public void Each_burst_is_one_pain_point_the_longest_first()
    {
        var taps = new Sequence().Taps("buy", 0, 100, 200, 5000, 5100, 5200, 5300, 5400);
        Assert.Equal(
            ["rage-click buy 5 taps in 400ms {tapBurst=5, windowMs=400}", "rage-click buy 3 taps in 200ms {tapBurst=3, windowMs=200}"],
            taps.PainPoints());
    }

    [Fact]
    public void Taps_on_another_component_neither_join_nor_break_a_burst()
    {
        var taps = new Sequence().Taps("buy", 0, 500, 1000).Taps("menu", 250, 750);
        Assert.Equal(["rage-click buy 3 taps in 1000ms {tapBurst=3, windowMs=1000}"], taps.PainPoints());
    }

    [Fact]
    public void The_threshold_and_window_come_from_the_options()
    {
        var taps = new Sequence().Taps("buy", 0, 1500, 3000, 4500);
        Assert.Equal(["rage-click buy 4 taps in 4500ms {tapBurst=4, windowMs=4500}"],
            taps.PainPoints(new() { RageClickWindowMs = 1500, RageClickMinTaps = 4 }));
        Assert.Empty(taps.PainPoints(new() { RageClickWindowMs = 1499 }));
    }
}
