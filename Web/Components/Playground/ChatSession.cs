using Platform.Web.Api;

namespace Platform.Web.Components.Playground;

/// <summary>The conversation so far. Each request resends it whole, as chat APIs are stateless.</summary>
public sealed class ChatSession
{
    private readonly List<ChatExchange> _exchanges = [];

    public IReadOnlyList<ChatExchange> Exchanges => _exchanges;

    public ChatExchange Start(string prompt)
    {
        var exchange = new ChatExchange(prompt);
        _exchanges.Add(exchange);
        return exchange;
    }

    /// <summary>
    /// The messages for <paramref name="next"/>: the system prompt, then earlier exchanges that were answered.
    /// Failed ones are left out, so the model never sees a question without its answer.
    /// </summary>
    public List<ApiChatMessage> MessagesFor(ChatExchange next, string? systemPrompt)
    {
        var messages = new List<ApiChatMessage>();
        if (!string.IsNullOrWhiteSpace(systemPrompt))
        {
            messages.Add(new("system", systemPrompt.Trim()));
        }
        foreach (var earlier in _exchanges.TakeWhile(e => e != next).Where(e => e.Succeeded))
        {
            messages.Add(new("user", earlier.Prompt));
            messages.Add(new("assistant", earlier.Answer));
        }
        messages.Add(new("user", next.Prompt));
        return messages;
    }

    public void Clear() => _exchanges.Clear();
}
