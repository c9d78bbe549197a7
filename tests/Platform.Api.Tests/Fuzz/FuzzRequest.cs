using System.Text;

namespace Platform.Api.Tests.Fuzz;

/// <summary>One generated request: everything needed to send it again and to print it when it breaks the Api.</summary>
internal sealed record FuzzRequest(
    int Case, FuzzEndpoint Endpoint, string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers,
    byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    /// <summary>A printable form: control characters and invalid bytes escaped, long bodies cut with their length.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"case {Case} ({Endpoint}): {Method} {Escape(Url, 400)}\n");
        foreach (var (name, value) in Headers)
        {
            text.Append($"  {name}: {Escape(value, 200)}\n");
        }
        if (ContentType is not null)
        {
            text.Append($"  Content-Type: {Escape(ContentType, 200)}\n");
        }
        if (Body is not null)
        {
            var preview = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 600));
            text.Append($"  body ({Body.Length} bytes): {Escape(preview, 600)}\n");
        }
        return text.ToString();
    }

    private static string Escape(string value, int max)
    {
        var cut = value.Length > max ? value[..max] + $"...(+{value.Length - max} chars)" : value;
        var builder = new StringBuilder(cut.Length);
        foreach (var c in cut)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return builder.ToString();
    }
}
