using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Core.Jobs;

/// <summary>
/// A small Markdown subset to HTML: headings, paragraphs, emphasis, strong, inline code, fenced code, lists (nested by
/// indentation), block quotes, rules and http/https/mailto links. Every character of the input is HTML-encoded and the
/// only markup is what this class writes, so raw HTML in the answer shows as text and never runs.
/// </summary>
public static partial class MarkdownRenderer
{
    private const int MaxDepth = 8;

    public static string ToHtml(string markdown)
    {
        var html = new StringBuilder(markdown.Length + markdown.Length / 4);
        RenderBlocks(markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'), html, 0);
        return html.ToString();
    }

    private static void RenderBlocks(string[] lines, StringBuilder html, int depth)
    {
        var paragraph = new List<string>();
        for (var i = 0; i < lines.Length;)
        {
            var line = lines[i];
            Match match;
            if (string.IsNullOrWhiteSpace(line))
            {
                i++;
            }
            else if ((match = FenceOpen().Match(line)).Success)
            {
                i = Code(lines, i, match, html);
            }
            else if ((match = Heading().Match(line)).Success)
            {
                var level = match.Groups["marks"].Length;
                html.Append("<h").Append(level).Append('>');
                MarkdownInline.Render(match.Groups["text"].Value, html);
                html.Append("</h").Append(level).Append(">\n");
                i++;
            }
            else if (Rule().IsMatch(line))
            {
                html.Append("<hr>\n");
                i++;
            }
            else if (depth < MaxDepth && (match = ListItem().Match(line)).Success)
            {
                i = MarkdownLists.Render(lines, i, match, html, depth, RenderBlocks);
            }
            else if (depth < MaxDepth && Quote().IsMatch(line))
            {
                var quoted = new List<string>();
                for (; i < lines.Length && Quote().Match(lines[i]) is { Success: true } q; i++)
                {
                    quoted.Add(q.Groups["text"].Value);
                }
                html.Append("<blockquote>\n");
                RenderBlocks([.. quoted], html, depth + 1);
                html.Append("</blockquote>\n");
            }
            else
            {
                for (; i < lines.Length && IsParagraphLine(lines[i]); i++)
                {
                    paragraph.Add(lines[i].Trim());
                }
                html.Append("<p>");
                MarkdownInline.Render(string.Join("\n", paragraph), html);
                html.Append("</p>\n");
                paragraph.Clear();
            }
        }
    }

    internal static bool IsParagraphLine(string line) =>
        !string.IsNullOrWhiteSpace(line) && !FenceOpen().IsMatch(line) && !Heading().IsMatch(line)
        && !Rule().IsMatch(line) && !ListItem().IsMatch(line) && !Quote().IsMatch(line);

    private static int Code(string[] lines, int i, Match open, StringBuilder html)
    {
        var marker = open.Groups["fence"].Value;
        var language = open.Groups["lang"].Value;
        html.Append(language.Length > 0 ? $"<pre><code class=\"language-{WebUtility.HtmlEncode(language)}\">" : "<pre><code>");
        var first = true;
        for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith(marker, StringComparison.Ordinal); i++)
        {
            html.Append(first ? "" : "\n").Append(WebUtility.HtmlEncode(lines[i]));
            first = false;
        }
        html.Append("</code></pre>\n");
        return i + 1;
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>```|~~~)\s*(?<lang>[A-Za-z0-9_+#-]*)[^`]*$")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^ {0,3}(?<marks>#{1,6})(?:[ \t]+(?<text>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(?<indent> {0,3})(?<marker>[-*+]|(?<number>\d{1,9})[.)])(?:[ \t]+(?<text>.*))?$")]
    internal static partial Regex ListItem();

    [GeneratedRegex(@"^ {0,3}>[ ]?(?<text>.*)$")]
    private static partial Regex Quote();
}
