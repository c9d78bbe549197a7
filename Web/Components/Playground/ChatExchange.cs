using System.Text;
using Platform.Web.Api;

namespace Platform.Web.Components.Playground;

/// <summary>One prompt and its answer, which grows chunk by chunk while it streams.</summary>
public sealed class ChatExchange(string prompt)
{
    private readonly StringBuilder _answer = new();

    public string Prompt { get; } = prompt;
    public string Answer => _answer.ToString();
    public ApiChatResponse? Response { get; private set; }
    public string? Error { get; private set; }
    public bool Pending => Response is null && Error is null;
    public bool Succeeded => Response is not null;

    public void Append(string delta) => _answer.Append(delta);

    public void Complete(ApiChatResponse response)
    {
        Response = response;
        // The final response is authoritative: it is the whole text even when no delta arrived (a non-streamed call).
        if (response.Content.Length > 0)
        {
            _answer.Clear().Append(response.Content);
        }
    }

    public void Fail(string message) => Error = message;
}
