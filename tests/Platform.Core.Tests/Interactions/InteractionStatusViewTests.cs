using Platform.Core.Interactions;

namespace Platform.Core.Tests.Interactions;

public sealed class InteractionStatusViewTests
{
    [Theory]
    [InlineData("completed", "an answer", "success")]
    [InlineData("failed", null, "failure")]
    [InlineData("failed", "", "failure")]
    [InlineData("failed", "the first words", "partial")]
    [InlineData("pending", null, "pending")]
    [InlineData("processing", null, "processing")]
    public void Stored_status_and_response_map_to_the_shown_status(string stored, string? response, string shown) =>
        Assert.Equal(shown, InteractionStatusView.Of(new Interaction { Type = "chat", Status = stored, Response = response }));

    [Fact]
    public void Each_filter_selects_exactly_the_records_its_status_shows()
    {
        Interaction[] records =
        [
            new() { Type = "chat", Status = "completed", Response = "ok" },
            new() { Type = "chat", Status = "failed" },
            new() { Type = "chat", Status = "failed", Response = "" },
            new() { Type = "chat", Status = "failed", Response = "half" },
            new() { Type = "job", Status = "pending" },
            new() { Type = "job", Status = "processing" },
        ];
        foreach (var view in InteractionStatusView.All)
        {
            var filter = InteractionStatusView.Filter(view)!.Compile();
            Assert.Equal(records.Where(r => InteractionStatusView.Of(r) == view), records.Where(filter));
        }
        Assert.Null(InteractionStatusView.Filter("completed"));
    }
}
