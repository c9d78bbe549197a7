using System.Text.Json;

namespace Platform.Testing.FakeLlm;

/// <summary>The reply to send, already cut by stop sequences and max tokens, with deterministic usage.</summary>
internal sealed record FakeCompletion(
    IReadOnlyList<string> Chunks, bool Truncated, string? StopSequence, int PromptTokens, int CompletionTokens)
{
    public string Text => string.Concat(Chunks);

    /// <summary>The model declined: OpenAI sends the text as "refusal" instead of "content".</summary>
    public bool IsRefusal { get; init; }

    /// <summary>Of <see cref="PromptTokens"/>, how many the provider served from its prompt cache.</summary>
    public int CachedPromptTokens { get; init; }

    public static FakeCompletion For(FakeLlmRequest request, string reply)
    {
        string? stopSequence = null;
        foreach (var stop in request.StopSequences.Where(s => s.Length > 0))
        {
            var at = reply.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0)
            {
                reply = reply[..at];
                stopSequence = stop;
            }
        }

        // One "token" per word keeps counts predictable for assertions and makes max_tokens easy to hit.
        var chunks = Split(reply);
        var truncated = request.MaxTokens is { } max && chunks.Count > max;
        if (truncated)
        {
            chunks = chunks.Take(request.MaxTokens!.Value).ToList();
        }

        var prompt = Math.Max(1, request.Messages.Sum(m => Words(m.Text)));
        var completion = Words(string.Concat(chunks));
        return new FakeCompletion(chunks, truncated, truncated ? null : stopSequence, prompt, completion);
    }

    /// <summary>The reply when none is scripted: an echo of the last user message, as JSON if JSON was asked for.</summary>
    public static string DefaultReply(FakeLlmRequest request) =>
        request.ResponseFormat is "json_object" or "json_schema"
        ? JsonSerializer.Serialize(new Dictionary<string, string> { ["echo"] = request.LastUserText })
        : "Echo: " + request.LastUserText;

    public static int Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Per word, each chunk carrying the whitespace before it, so the chunks concatenate to the reply exactly.</summary>
    internal static List<string> Split(string text)
    {
        var chunks = new List<string>();
        var start = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1]))
            {
                chunks.Add(text[start..i]);
                start = i;
            }
        }

        var rest = text[start..];
        if (chunks.Count > 0 && string.IsNullOrWhiteSpace(rest))
        {
            chunks[^1] += rest;
        }
        else if (rest.Length > 0)
        {
            chunks.Add(rest);
        }

        return chunks;
    }
}
