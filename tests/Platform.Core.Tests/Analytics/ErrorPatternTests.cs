namespace Platform.Core.Tests.Analytics;

public sealed class ErrorPatternTests
{
    [Fact]
    public void Errors_on_two_components_are_counted_apart()
    {
        var run = new Sequence()
            .At(0, "error", "pay", message: "Card declined").At(10, "error", "pay", message: "Card declined").At(20, "error", "pay", message: "Card declined")
            .At(30, "error", "search", message: "Card declined").At(40, "error", "search", message: "Card declined")
            .At(50, "click", "pay");
        Assert.Equal(["error-pattern pay \"Card declined\" 3 times {count=3}"], run.PainPoints());
        var result = run.Run();
        Assert.Equal([("pay", "Card declined", 3L), ("search", "Card declined", 2L)],
            result.Hotspots.Select(h => (h.ComponentId, h.Message, h.Errors)));
        Assert.Equal(5.0 / 6, result.ErrorRate, 10);
    }

    [Fact]
    public void Different_messages_on_one_component_are_different_patterns()
    {
        var run = new Sequence();
        for (var i = 0; i < 3; i++)
        {
            run.At(i * 10, "error", "pay", message: "timeout").At(i * 10 + 1, "error", "pay", message: "declined").At(i * 10 + 2, "error", "pay", message: "timeout");
        }
        Assert.Equal(["error-pattern pay \"timeout\" 6 times {count=6}", "error-pattern pay \"declined\" 3 times {count=3}"], run.PainPoints());
    }

    [Fact]
    public void Errors_without_a_component_or_message_still_group()
    {
        var run = new Sequence().At(0, "error").At(1, "error").At(2, "error");
        Assert.Equal(["error-pattern - an error 3 times {count=3}"], run.PainPoints());
        Assert.Equal([(null, null, 3L)], run.Run().Hotspots.Select(h => (h.ComponentId, h.Message, h.Errors)));
    }

    [Fact]
    public void Hotspots_are_the_top_ten_by_count_then_by_name()
    {
        var run = new Sequence();
        for (var c = 0; c < 12; c++)
        {
            for (var i = 0; i <= c % 4; i++)
            {
                run.At(c * 100 + i, "error", $"c{c:00}", message: "x");
            }
        }
        var hotspots = run.Run().Hotspots.Select(h => $"{h.ComponentId}:{h.Errors}");
        Assert.Equal(["c03:4", "c07:4", "c11:4", "c02:3", "c06:3", "c10:3", "c01:2", "c05:2", "c09:2", "c00:1"], hotspots);
    }

    [Fact]
    public void A_long_message_is_cut_in_the_reason_but_kept_in_the_hotspot()
    {
        var message = new string('m', 300);
        var run = new Sequence().At(0, "error", "pay", message: message).At(1, "error", "pay", message: message).At(2, "error", "pay", message: message);
        var result = run.Run();
        Assert.Equal($"\"{new string('m', 120)}…\" 3 times", Assert.Single(result.PainPoints).Reason);
        Assert.Equal(message, Assert.Single(result.Hotspots).Message);
    }
}
