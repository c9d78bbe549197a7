using System.Text.Json;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;

namespace Platform.Core.Tests.Providers;

public sealed class OfflineChatClientTests
{
    private readonly OfflineChatClient _client = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_request_twice_gets_the_same_answer()
    {
        ChatMessage[] messages = [new(ChatRole.System, "Be nice."), new(ChatRole.User, "What is the weather like?")];

        var first = await _client.GetResponseAsync(messages, cancellationToken: Ct);
        var second = await _client.GetResponseAsync(messages, cancellationToken: Ct);

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.ResponseId, second.ResponseId);
        Assert.Equal(first.Usage?.TotalTokenCount, second.Usage?.TotalTokenCount);
        Assert.NotEqual(first.Text, (await _client.GetResponseAsync("Something else", cancellationToken: Ct)).Text);
    }

    [Fact]
    public async Task The_answer_says_it_is_offline_and_echoes_the_last_user_message()
    {
        var response = await _client.GetResponseAsync(
            [new(ChatRole.User, "first question"), new(ChatRole.Assistant, "an answer"), new(ChatRole.User, "second question")],
            cancellationToken: Ct);

        Assert.StartsWith("[offline provider]", response.Text);
        Assert.EndsWith("You said: second question", response.Text);
        Assert.Equal(true, response.AdditionalProperties?[OfflineChatClient.OfflineProperty]);
        Assert.Equal(OfflineChatClient.DefaultModelId, response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public void Its_metadata_names_it_offline()
    {
        var metadata = _client.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("offline", metadata.ProviderName);
        Assert.Equal("offline-1", metadata.DefaultModelId);
    }

    [Fact]
    public async Task A_long_message_is_echoed_only_in_part()
    {
        var response = await _client.GetResponseAsync(string.Join(' ', Enumerable.Repeat("word", 500)), cancellationToken: Ct);

        Assert.InRange(response.Text.Length, 400, 520);
        Assert.EndsWith("…", response.Text);
    }

    [Fact]
    public async Task Json_mode_returns_valid_json_that_says_offline()
    {
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.Json, ModelId = "my-model" };

        var response = await _client.GetResponseAsync("He said \"hi\"\n{ and left }", options, Ct);

        using var json = JsonDocument.Parse(response.Text);
        Assert.Equal("offline", json.RootElement.GetProperty("provider").GetString());
        Assert.Equal("He said \"hi\" { and left }", json.RootElement.GetProperty("echo").GetString());
        Assert.Equal("my-model", response.ModelId);
    }

    [Fact]
    public async Task Usage_counts_about_four_words_as_three_tokens()
    {
        var response = await _client.GetResponseAsync(
            [new(ChatRole.System, "one two three"), new(ChatRole.User, "four five six")], cancellationToken: Ct);

        Assert.Equal(8, response.Usage?.InputTokenCount); // 6 words / 0.75
        var outputWords = response.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal((int)Math.Ceiling(outputWords / 0.75), response.Usage?.OutputTokenCount);
        Assert.Equal(response.Usage?.InputTokenCount + response.Usage?.OutputTokenCount, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task Max_output_tokens_cuts_the_answer_and_reports_length()
    {
        var response = await _client.GetResponseAsync("a fairly long question for the offline provider",
            new ChatOptions { MaxOutputTokens = 4 }, Ct);

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal("[offline provider] No", response.Text); // 3 words = 4 tokens
        Assert.Equal(4, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Max_output_tokens_in_json_mode_still_gives_valid_json()
    {
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.Json, MaxOutputTokens = 5 };

        var response = await _client.GetResponseAsync("many words that will not all fit in the budget", options, Ct);

        using var json = JsonDocument.Parse(response.Text);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.StartsWith(json.RootElement.GetProperty("echo").GetString()!, "many words that will not all fit in the budget");
        Assert.InRange(response.Usage!.OutputTokenCount!.Value, 1, 5);
    }

    [Fact]
    public async Task Streaming_concatenates_to_the_plain_answer_and_ends_with_finish_reason_and_usage()
    {
        ChatMessage[] messages = [new(ChatRole.User, "stream   this\nplease")];
        var plain = await _client.GetResponseAsync(messages, cancellationToken: Ct);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _client.GetStreamingResponseAsync(messages, cancellationToken: Ct))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count(u => u.Text.Length > 0) > 5);
        Assert.Equal(plain.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(plain.Usage?.TotalTokenCount, usage.TotalTokenCount);
        Assert.All(updates, u => Assert.Equal(true, u.AdditionalProperties?[OfflineChatClient.OfflineProperty]));
    }

    [Fact]
    public async Task A_conversation_without_a_user_message_still_gets_a_labelled_answer()
    {
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.System, "You are terse.")], cancellationToken: Ct);

        Assert.StartsWith("[offline provider]", response.Text);
        Assert.Contains("no user message", response.Text);
    }
}
