namespace Platform.Testing.FakeLlm;

/// <summary>Which wire format a request arrived in; also how faults are aimed.</summary>
public enum FakeLlmApi
{
    /// <summary>POST /v1/chat/completions (or /chat/completions).</summary>
    OpenAIChat,

    /// <summary>POST /v1/messages.</summary>
    AnthropicMessages,

    /// <summary>GET /v1/models (or /models).</summary>
    Models,
}

/// <summary>One message as the provider saw it: text parts joined by newlines, non-text parts dropped.</summary>
public sealed record FakeMessage(string Role, string Text);

/// <summary>A request as the fake received it, recorded before authentication and faults are applied.</summary>
public sealed record FakeLlmRequest
{
    public required FakeLlmApi Api { get; init; }

    public required string Path { get; init; }

    /// <summary>The raw request body, for assertions on fields the fake does not parse.</summary>
    public required string Body { get; init; }

    /// <summary>Every request header (names case-insensitive, repeated values comma-joined).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    public string? Model { get; init; }

    /// <summary>In order; Anthropic's top-level system prompt comes first with role "system".</summary>
    public IReadOnlyList<FakeMessage> Messages { get; init; } = [];

    public bool Stream { get; init; }

    /// <summary>OpenAI's stream_options.include_usage.</summary>
    public bool IncludeUsage { get; init; }

    /// <summary>OpenAI's response_format.type: text, json_object or json_schema; null when absent.</summary>
    public string? ResponseFormat { get; init; }

    /// <summary>max_completion_tokens, else max_tokens.</summary>
    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    /// <summary>OpenAI's stop or Anthropic's stop_sequences.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>Why the body could not be read as JSON; such requests are answered 400.</summary>
    public string? ParseError { get; init; }

    public string LastUserText => Messages.LastOrDefault(m => m.Role == "user")?.Text ?? "";

    public string? AnthropicVersion => Header("anthropic-version");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
