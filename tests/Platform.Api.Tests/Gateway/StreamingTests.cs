using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Platform.Testing.FakeLlm;

namespace Platform.Api.Tests.Gateway;

public sealed class StreamingTests(FakeLlmServer fake) : GatewayTestBase(fake), IClassFixture<FakeLlmServer>
{
    [Theory]
    [InlineData("gpt-4o-mini", "fakeopenai")]
    [InlineData("claude-sonnet-4-5", "fakeanthropic")]
    public async Task Streamed_chunks_arrive_in_order_and_end_with_usage_and_ids(string model, string provider)
    {
        Fake.Reply = "one two three four five";
        var response = await ChatAsync(Ask("stream it", model: model, stream: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await SseReader.ReadAllAsync(response, Ct);

        var deltas = events.Where(e => e.Event == "delta").Select(e => SseReader.Json(e.Data).GetProperty("content").GetString()).ToList();
        Assert.True(deltas.Count > 1, "the answer should come in several chunks");
        Assert.Equal("one two three four five", string.Concat(deltas));
        var (name, data) = events[^1];
        Assert.Equal("done", name);
        var done = SseReader.Json(data);
        Assert.Equal(provider, done.GetProperty("provider").GetString());
        Assert.True(done.GetProperty("usage").GetProperty("outputTokens").GetInt64() > 0);

        var record = await InteractionAsync(done.GetProperty("interactionId").GetGuid());
        Assert.Equal(("completed", true), (record.Status, record.Streamed));
        Assert.Equal("one two three four five", record.Response);
        Assert.NotNull(record.TimeToFirstTokenMs);
    }

    [Theory]
    [InlineData("gpt-4o-mini")]
    [InlineData("claude-sonnet-4-5")]
    public async Task A_stream_cut_mid_answer_is_an_error_recorded_as_failed_and_not_cached(string model)
    {
        Fake.Reply = "alpha beta gamma delta epsilon zeta";
        Fake.Enqueue(FakeFault.CutStream(afterChunks: 2));
        var response = await ChatAsync(Ask("cut me", model: model, useCache: true, stream: true));
        var events = await SseReader.ReadAllAsync(response, Ct);
        Assert.Equal("error", events[^1].Event);
        Assert.DoesNotContain(events, e => e.Event == "done");

        var failed = await FailedInteractionAsync();
        Assert.Equal("stream_interrupted", failed.ErrorType);
        Assert.True(failed.Streamed);

        var again = await ChatAsync(Ask("cut me", model: model, useCache: true, stream: true));
        var retried = await SseReader.ReadAllAsync(again, Ct);
        Assert.Equal("done", retried[^1].Event);
        Assert.False(SseReader.Json(retried[^1].Data).GetProperty("cached").GetBoolean());
    }

    [Fact]
    public async Task A_failure_before_the_first_chunk_is_a_plain_problem_answer()
    {
        Fake.Enqueue(FakeFault.Status(400, message: "context too long"));
        var response = await ChatAsync(Ask("too long", stream: true));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_streamed_answer_is_cached_and_replayed_without_the_provider()
    {
        await SseReader.ReadAllAsync(await ChatAsync(Ask("replay", useCache: true, stream: true)), Ct);
        var second = await ChatAsync(Ask("replay", useCache: true, stream: true));
        var events = await SseReader.ReadAllAsync(second, Ct);
        Assert.True(SseReader.Json(events[^1].Data).GetProperty("cached").GetBoolean());
        Assert.Equal(1, Fake.RequestCount);
    }

    private async Task<Platform.Core.Interactions.Interaction> FailedInteractionAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Platform.Core.Data.PlatformDbContext>();
            if (db.Interactions.FirstOrDefault(x => x.Status == "failed") is { } found)
            {
                return found;
            }
            await Task.Delay(50, Ct);
        }
        throw new InvalidOperationException("no failed interaction was stored");
    }
}
