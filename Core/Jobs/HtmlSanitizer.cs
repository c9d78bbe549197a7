using System.Net;
using System.Text;

namespace Platform.Core.Jobs;

/// <summary>
/// Rebuilds HTML from an allowlist instead of filtering it: allowed tags are written anew with only the allowed
/// attributes (a[href] with an http/https/mailto URL, colspan/rowspan with digits), script-like elements vanish with
/// their content, other tags vanish and keep their text, and all text is re-encoded. Output tags are balanced.
/// </summary>
public static class HtmlSanitizer
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "p", "br", "hr", "div", "span", "strong", "em", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark",
        "code", "pre", "kbd", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "a",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "hr" };

    // Their content is code or markup, never text to show.
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "object", "embed", "noscript", "noembed", "noframes", "template", "textarea",
        "title", "head", "svg", "math", "frameset", "frame", "xmp", "plaintext", "select", "option",
    };

    public static string Sanitize(string html)
    {
        var output = new StringBuilder(html.Length);
        var open = new List<string>();
        var reader = new HtmlReader(html);
        while (reader.Next() is { } token)
        {
            switch (token.Kind)
            {
                case HtmlTokenKind.Text:
                    output.Append(WebUtility.HtmlEncode(WebUtility.HtmlDecode(token.Text)));
                    break;
                case HtmlTokenKind.StartTag when Dropped.Contains(token.Name):
                    reader.SkipTo(token.Name);
                    break;
                case HtmlTokenKind.StartTag when Allowed.Contains(token.Name):
                    output.Append('<').Append(token.Name);
                    WriteAttributes(token, output);
                    output.Append('>');
                    if (!Void.Contains(token.Name) && !token.SelfClosing)
                    {
                        open.Add(token.Name);
                    }
                    break;
                case HtmlTokenKind.EndTag when open.LastIndexOf(token.Name) is var at and >= 0:
                    // Closing an outer tag closes whatever was left open inside it.
                    for (var k = open.Count - 1; k >= at; k--)
                    {
                        output.Append("</").Append(open[k]).Append('>');
                    }
                    open.RemoveRange(at, open.Count - at);
                    break;
            }
        }
        for (var k = open.Count - 1; k >= 0; k--)
        {
            output.Append("</").Append(open[k]).Append('>');
        }
        return output.ToString();
    }

    private static void WriteAttributes(HtmlToken token, StringBuilder output)
    {
        foreach (var (name, rawValue) in token.Attributes)
        {
            var value = WebUtility.HtmlDecode(rawValue).Trim();
            if (token.Name == "a" && name == "href" && SafeUrl.IsAllowed(value))
            {
                output.Append(" href=\"").Append(WebUtility.HtmlEncode(value)).Append("\" rel=\"nofollow noopener noreferrer\"");
            }
            else if (token.Name is "td" or "th" && name is "colspan" or "rowspan" && value.Length is > 0 and <= 3 && value.All(char.IsAsciiDigit))
            {
                output.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
            }
        }
    }
}
