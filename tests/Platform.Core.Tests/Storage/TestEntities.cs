using Platform.Core.Interactions;

namespace Platform.Core.Tests.Storage;

internal static class TestEntities
{
    // Every property set, so that a column the migration forgot or typed wrongly shows up as a difference.
    public static Interaction FullInteraction(Guid owner, DateTime created) => new()
    {
        Type = "chat", Status = "completed", Source = "api", MessagesJson = "[{\"role\":\"user\",\"content\":\"hi\"}]",
        RenderedPrompt = "hi", InputVariablesJson = "{\"a\":1}", Response = "hello", StructuredOutputJson = "{\"b\":2}",
        FinishReason = "stop", ErrorType = "timeout", ErrorMessage = "slow", ModelRequested = "gpt-4o", Model = "gpt-4o-2024-08-06",
        Provider = "openai", PromptVersion = "v3", InputTokens = 12, CachedInputTokens = 4, OutputTokens = 30, TotalTokens = 42,
        CostUsd = 0.000123, LatencyMs = 812.5, TimeToFirstTokenMs = 120.25, CacheHit = true, Streamed = true, Attempts = 2,
        Feedback = "thumbs_up", FeedbackComment = "good", QualityScore = 0.9, EditDistance = 3, MissingVariablesJson = "[\"x\"]",
        MetadataJson = "{\"k\":\"v\"}", OwnerUserId = owner, EndUserId = "end-1", SessionId = "s-1", TraceId = "abc",
        ParentId = Guid.CreateVersion7(), CreatedAt = created, CompletedAt = created.AddSeconds(1),
        JobId = Guid.CreateVersion7(), Template = "Hi {{name}}", OutputFormat = "markdown", RenderedHtml = "<p>Hi</p>",
    };
}
