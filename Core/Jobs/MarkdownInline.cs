using System.Net;
using System.Text;

namespace Platform.Core.Jobs;

/// <summary>
/// Inline Markdown: code spans, links, strong, emphasis and backslash escapes. Text is encoded character by character;
/// a marker without its closer stays literal. A closer search that failed once is not repeated (it would fail again
/// further on), so long runs of unmatched markers stay linear.
/// </summary>
internal static class MarkdownInline
{
    private const int MaxDepth = 16;

    public static void Render(string text, StringBuilder html) => Render(text, html, 0, []);

    private static void Render(string text, StringBuilder html, int depth, HashSet<string> failed)
    {
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] > ' ' && text[i + 1] < 127)
            {
                html.Append(WebUtility.HtmlEncode(text[i + 1].ToString()));
                i += 2;
            }
            else if (c == '`')
            {
                var run = MarkdownEmphasis.Run(text, i, '`');
                var close = failed.Contains(new string('`', run)) ? -1 : text.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
                if (close < 0)
                {
                    failed.Add(new string('`', run));
                    html.Append(text, i, run);
                    i += run;
                    continue;
                }
                html.Append("<code>").Append(WebUtility.HtmlEncode(text[(i + run)..close].Trim())).Append("</code>");
                i = close + run;
            }
            else if (depth < MaxDepth && (c == '[' || (c == '!' && i + 1 < text.Length && text[i + 1] == '[')) && Link(text, i, failed) is { } link)
            {
                // Images are not rendered (remote pixels track readers): their alt text stands in.
                var url = link.Url;
                var anchor = c == '[' && SafeUrl.IsAllowed(url);
                if (anchor)
                {
                    html.Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\" rel=\"nofollow noopener noreferrer\">");
                }
                Render(link.Label, html, depth + 1, []);
                html.Append(anchor ? "</a>" : "");
                i = link.End;
            }
            else if (depth < MaxDepth && c is '*' or '_' && MarkdownEmphasis.Find(text, i, c, failed) is { } span)
            {
                html.Append(span.Open);
                Render(text[span.Start..span.Close], html, depth + 1, []);
                html.Append(span.End);
                i = span.Close + span.Length;
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(c.ToString()));
                i++;
            }
        }
    }

    private readonly record struct LinkSpan(string Label, string Url, int End);

    private static LinkSpan? Link(string text, int i, HashSet<string> failed)
    {
        var open = text[i] == '!' ? i + 1 : i;
        var middle = failed.Contains("](") ? -1 : text.IndexOf("](", open + 1, StringComparison.Ordinal);
        if (middle < 0)
        {
            failed.Add("](");
            return null;
        }
        if (failed.Contains(")") || text.IndexOf(')', middle + 2) < 0)
        {
            failed.Add(")");
            return null;
        }
        var close = Destination(text, middle + 2);
        if (close < 0 || text.IndexOf(']', open + 1, middle - open) != middle)
        {
            return null;
        }
        var target = text[(middle + 2)..close].Trim();
        var space = target.IndexOfAny([' ', '\t', '\n']);
        var url = (space < 0 ? target : target[..space]).Trim('<', '>');
        return new LinkSpan(text[(open + 1)..middle], url, close + 1);
    }

    /// <summary>The ")" that ends a link destination: parentheses inside it must balance, and it stays on one line.</summary>
    private static int Destination(string text, int from)
    {
        var depth = 0;
        for (var k = from; k < text.Length && k < from + 2048 && text[k] != '\n'; k++)
        {
            if (text[k] == '(')
            {
                depth++;
            }
            else if (text[k] == ')' && depth-- == 0)
            {
                return k;
            }
        }
        return -1;
    }
}
