using System.Text.Json;
using Microsoft.Extensions.AI;
using Platform.Core.Gateway.Providers;
using Platform.Testing.FakeLlm;

namespace Platform.Core.Tests.Providers;

/// <summary>The OpenAI SDK's Microsoft.Extensions.AI adapter with our rules, against the fake provider over real HTTP: answers and what reaches the wire.</summary>
public sealed class OpenAIProviderTests(FakeLlmServer fake) : OpenAIProviderTestBase(fake)
{
    [Fact]
    public async Task A_plain_call_returns_the_answer_model_usage_and_finish_reason()
    {
        Fake.Reply = "Paris is the capital of France.";
        var response = await Client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Capital of France?")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Paris is the capital of France.", response.Text);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.Equal("gpt-4o-mini", response.ModelId);
        Assert.StartsWith("chatcmpl-", response.ResponseId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.NotNull(response.CreatedAt);
        Assert.IsType<OpenAI.Chat.ChatCompletion>(response.RawRepresentation);
        Assert.Equal(5, response.Usage?.InputTokenCount); // the fake counts words: "Be brief." + "Capital of France?"
        Assert.Equal(6, response.Usage?.OutputTokenCount);
        Assert.Equal(11, response.Usage?.TotalTokenCount);
        Assert.Equal(["system", "user"], Fake.LastRequest.Messages.Select(m => m.Role));
    }

    [Fact]
    public async Task Cached_prompt_tokens_are_reported()
    {
        Fake.CachedPromptTokens = 3;

        var response = await Client.GetResponseAsync("one two three four", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, response.Usage?.InputTokenCount);
        Assert.Equal(3, response.Usage?.CachedInputTokenCount);
    }

    [Fact]
    public async Task The_model_named_in_the_options_wins_over_the_default()
    {
        var response = await Client.GetResponseAsync("hi", new ChatOptions { ModelId = "gpt-4o" }, TestContext.Current.CancellationToken);

        Assert.Equal("gpt-4o", Fake.LastRequest.Model);
        Assert.Equal("gpt-4o", response.ModelId);
    }

    [Fact]
    public async Task Temperature_max_tokens_stop_sequences_and_json_mode_reach_the_wire()
    {
        var options = new ChatOptions
        {
            Temperature = 0.25f, TopP = 0.5f, MaxOutputTokens = 77, StopSequences = ["END"], ResponseFormat = ChatResponseFormat.Json,
            Seed = 42, PresencePenalty = 0.1f, FrequencyPenalty = 0.2f,
        };
        await Client.GetResponseAsync("Give me JSON", options, TestContext.Current.CancellationToken);

        var request = Fake.LastRequest;
        Assert.Equal(0.25, request.Temperature!.Value, 3);
        Assert.Equal(77, request.MaxTokens);
        Assert.Equal(["END"], request.StopSequences);
        Assert.Equal("json_object", request.ResponseFormat);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(0.5, body.RootElement.GetProperty("top_p").GetDouble(), 3);
        Assert.Equal(42, body.RootElement.GetProperty("seed").GetInt64());
        Assert.Equal("Bearer fake-key", request.Header("Authorization"));
    }

    [Fact]
    public async Task A_json_schema_response_format_is_sent_as_json_schema()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"string"}}}""");
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement.Clone(), "answer") };
        await Client.GetResponseAsync("json please", options, TestContext.Current.CancellationToken);

        Assert.Equal("json_schema", Fake.LastRequest.ResponseFormat);
        using var body = JsonDocument.Parse(Fake.LastRequest.Body);
        Assert.Equal("answer", body.RootElement.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Hitting_max_tokens_reports_finish_reason_length()
    {
        Fake.Reply = "one two three four five six";
        var response = await Client.GetResponseAsync("count", new ChatOptions { MaxOutputTokens = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal("one two three", response.Text);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public async Task No_model_anywhere_is_an_argument_error_before_any_request()
    {
        using var client = Create(Fake.OpenAIBaseUrl, defaultModel: null);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(0, Fake.RequestCount);
    }

    [Fact]
    public void Metadata_names_the_provider_endpoint_and_default_model()
    {
        var metadata = Client.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal(new Uri(Fake.OpenAIBaseUrl), metadata.ProviderUri);
        Assert.Equal("gpt-4o-mini", metadata.DefaultModelId);
    }
}
