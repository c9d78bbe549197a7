using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Platform.Core.Gateway.Providers;

/// <summary>The offline provider's answer: a pure function of the request, so equal requests get equal answers.</summary>
internal sealed partial record OfflineAnswer(string Text, bool Truncated, int InputTokens, int OutputTokens, string ResponseId)
{
    public const string Label = "[offline provider]";
    private const int MaxEchoChars = 400;

    public static OfflineAnswer For(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string model)
    {
        var lastUser = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        var echo = Echo(lastUser);
        var json = options?.ResponseFormat is ChatResponseFormatJson;
        var max = options?.MaxOutputTokens;
        var words = Words(echo);
        var text = Render(json, model, echo, lastUser is not null);
        var truncated = false;
        if (max is { } limit && Tokens(text) > limit)
        {
            truncated = true;
            text = json ? ShrinkJson(model, words, limit) : string.Concat(Words(text).Take((int)Math.Floor(Math.Max(0, limit) * 0.75)));
        }

        var input = Tokens(string.Join(' ', messages.Select(m => m.Text)));
        return new OfflineAnswer(text, truncated, input, Tokens(text), Id(messages, options, model));
    }

    /// <summary>About four words to three tokens, as English text averages.</summary>
    public static int Tokens(string text) => (int)Math.Ceiling(Words(text).Count / 0.75);

    /// <summary>Word by word, each piece carrying the whitespace before it, so the pieces concatenate back exactly.</summary>
    public static List<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value).ToList();

    private static string Echo(string? text)
    {
        var flat = WhitespacePattern().Replace(text ?? "", " ").Trim();
        return flat.Length <= MaxEchoChars ? flat : flat[..MaxEchoChars].TrimEnd() + "…";
    }

    private static string Render(bool json, string model, string echo, bool hadUserMessage) => json
        ? JsonSerializer.Serialize(new Dictionary<string, string> { ["provider"] = "offline", ["model"] = model, ["echo"] = echo })
        : hadUserMessage
            ? $"{Label} No LLM provider is configured, so this is an echo. You said: {echo}"
            : $"{Label} No LLM provider is configured, and there was no user message to answer.";

    private static string ShrinkJson(string model, List<string> echoWords, int limit)
    {
        // Drop echoed words until the document fits; the JSON itself always stays whole and valid.
        for (var keep = echoWords.Count; ; keep--)
        {
            var candidate = Render(true, model, string.Concat(echoWords.Take(Math.Max(0, keep))).Trim(), true);
            if (keep <= 0 || Tokens(candidate) <= limit)
            {
                return candidate;
            }
        }
    }

    private static string Id(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string model)
    {
        var key = new StringBuilder(model).Append('\n').Append(options?.ResponseFormat?.GetType().Name)
            .Append('\n').Append(options?.MaxOutputTokens);
        foreach (var message in messages)
        {
            key.Append('\n').Append(message.Role.Value).Append(':').Append(message.Text);
        }

        return "offline-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..24];
    }

    [GeneratedRegex(@"\s*\S+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
