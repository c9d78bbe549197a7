using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Testing.FakeLlm;

namespace Platform.Core.Tests.Providers;

/// <summary>Streaming through the OpenAI SDK's Microsoft.Extensions.AI adapter and our error mapping: deltas, usage, finish reason, broken streams.</summary>
public sealed class OpenAIProviderStreamingTests(FakeLlmServer fake) : OpenAIProviderTestBase(fake)
{
    [Fact]
    public async Task Streaming_yields_the_deltas_in_order_then_the_finish_reason_and_usage()
    {
        Fake.Reply = "alpha beta gamma delta";
        var updates = await Collect(Client.GetStreamingResponseAsync("four words please", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(["alpha", " beta", " gamma", " delta"], updates.Select(u => u.Text).Where(t => t.Length > 0));
        // The adapter repeats the finish reason on every update after it (the usage chunk's too).
        var finishedAt = updates.FindIndex(u => u.FinishReason is not null);
        Assert.True(finishedAt > updates.FindLastIndex(u => u.Text.Length > 0));
        Assert.All(updates[finishedAt..], u => Assert.Equal(ChatFinishReason.Stop, u.FinishReason));
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(3, usage.InputTokenCount);
        Assert.Equal(4, usage.OutputTokenCount);
        Assert.Equal(7, usage.TotalTokenCount);
        Assert.All(updates, u => Assert.Equal("gpt-4o-mini", u.ModelId));
        Assert.Single(updates.Select(u => u.ResponseId).Distinct());
        Assert.True(Fake.LastRequest.Stream);
        Assert.True(Fake.LastRequest.IncludeUsage);
    }

    [Fact]
    public async Task A_stream_reports_cached_prompt_tokens_in_its_usage()
    {
        Fake.CachedPromptTokens = 2;

        var response = (await Collect(Client.GetStreamingResponseAsync("one two three", cancellationToken: TestContext.Current.CancellationToken))).ToChatResponse();

        Assert.Equal(3, response.Usage?.InputTokenCount);
        Assert.Equal(2, response.Usage?.CachedInputTokenCount);
    }

    [Fact]
    public async Task Streamed_updates_combine_into_the_same_response_as_a_plain_call()
    {
        Fake.Reply = "the same words either way";
        var streamed = (await Collect(Client.GetStreamingResponseAsync("x", cancellationToken: TestContext.Current.CancellationToken))).ToChatResponse();
        var plain = await Client.GetResponseAsync("x", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(plain.Text, streamed.Text);
        Assert.Equal(plain.FinishReason, streamed.FinishReason);
        Assert.Equal(plain.Usage?.OutputTokenCount, streamed.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task A_stream_whose_connection_is_cut_throws_stream_interrupted_after_the_chunks_it_got()
    {
        Fake.Reply = "one two three four five";
        Fake.Enqueue(FakeFault.CutStream(afterChunks: 2));
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var update in Client.GetStreamingResponseAsync("go", cancellationToken: TestContext.Current.CancellationToken))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal(ProviderErrorKind.StreamInterrupted, error.Kind);
        Assert.Equal("openai", error.Provider);
        // A reset may drop chunks already sent but not yet read, so only "never more than was sent" is certain.
        Assert.StartsWith(string.Concat(received), "one two");
    }

    [Fact]
    public async Task A_stream_that_ends_cleanly_without_a_finish_reason_is_still_interrupted()
    {
        Fake.Enqueue(FakeFault.EndStream(afterChunks: 1));

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Collect(Client.GetStreamingResponseAsync("go", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal(ProviderErrorKind.StreamInterrupted, error.Kind);
    }

    [Fact]
    public async Task An_error_event_inside_the_stream_is_an_interruption_not_a_short_answer()
    {
        Fake.Enqueue(FakeFault.StreamError(afterChunks: 1, "boom"));

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Collect(Client.GetStreamingResponseAsync("go", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal(ProviderErrorKind.StreamInterrupted, error.Kind);
    }

    [Fact]
    public async Task A_status_error_before_the_stream_starts_keeps_its_kind_and_status()
    {
        Fake.Enqueue(FakeFault.Status(503));

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Collect(Client.GetStreamingResponseAsync("go", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal(ProviderErrorKind.Transient, error.Kind);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1, Fake.RequestCount);
    }

    [Fact]
    public async Task The_callers_cancellation_mid_stream_surfaces_as_cancellation()
    {
        Fake.Enqueue(FakeFault.SlowStream(TimeSpan.FromSeconds(30)));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in Client.GetStreamingResponseAsync("go", cancellationToken: cts.Token))
            {
                await cts.CancelAsync();
            }
        });
    }

    private static async Task<List<ChatResponseUpdate>> Collect(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }
}
