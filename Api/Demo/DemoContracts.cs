namespace Platform.Api.Demo;

/// <summary>POST /demo/ask: one question from the demo page, with the tracker's ids so events and the interaction join.</summary>
public sealed record DemoQuestion(string Question, string? UserId = null, string? SessionId = null);

/// <param name="Html">The answer's Markdown rendered and sanitized: text formatting, lists and absolute links only.</param>
public sealed record DemoAnswer(string Answer, string Html, string? Model, bool Cached, Guid InteractionId);

/// <summary>GET /demo/config: what the page needs, or why it cannot work yet.</summary>
public sealed record DemoConfig(bool Ready, string? IngestKey, string? Model, IReadOnlyList<string> Problems);
