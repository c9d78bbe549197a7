using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Core.Jobs;

/// <summary>Lists for <see cref="MarkdownRenderer"/>: an item's indented lines are its content, rendered as blocks again.</summary>
internal static class MarkdownLists
{
    public static int Render(string[] lines, int i, Match first, StringBuilder html, int depth, Action<string[], StringBuilder, int> renderBlocks)
    {
        var ordered = first.Groups["number"].Success;
        var start = ordered ? long.Parse(first.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        html.Append(!ordered ? "<ul>\n" : start == 1 ? "<ol>\n" : $"<ol start=\"{start}\">\n");
        while (i < lines.Length && MarkdownRenderer.ListItem().Match(lines[i]) is { Success: true } item && item.Groups["number"].Success == ordered)
        {
            var contentIndent = item.Groups["text"].Success ? item.Groups["text"].Index : item.Length + 1;
            var content = new List<string> { item.Groups["text"].Value };
            var loose = false;
            for (i++; i < lines.Length; i++)
            {
                var line = lines[i];
                if (string.IsNullOrWhiteSpace(line))
                {
                    var next = NextNonBlank(lines, i);
                    if (next < 0 || Indent(lines[next]) < contentIndent)
                    {
                        break;
                    }
                    loose = true;
                    content.Add("");
                }
                else if (Indent(line) >= contentIndent)
                {
                    content.Add(Dedent(line, contentIndent));
                }
                else if (!loose && MarkdownRenderer.IsParagraphLine(line))
                {
                    content.Add(line.Trim()); // a lazy continuation of the item's text
                }
                else
                {
                    break;
                }
            }
            html.Append("<li>").Append(Item(content, loose, depth, renderBlocks)).Append("</li>\n");
            // Blank lines between two items of the same list do not end it.
            if (i < lines.Length && string.IsNullOrWhiteSpace(lines[i]) && NextNonBlank(lines, i) is var after and >= 0
                && MarkdownRenderer.ListItem().Match(lines[after]) is { Success: true } sibling && sibling.Groups["number"].Success == ordered)
            {
                i = after;
            }
        }
        html.Append(ordered ? "</ol>\n" : "</ul>\n");
        return i;
    }

    private static string Item(List<string> content, bool loose, int depth, Action<string[], StringBuilder, int> renderBlocks)
    {
        var inner = new StringBuilder();
        renderBlocks([.. content], inner, depth + 1);
        var text = inner.ToString().TrimEnd('\n');
        // A tight item's first paragraph is shown without <p>, as in every Markdown renderer.
        if (!loose && text.StartsWith("<p>", StringComparison.Ordinal))
        {
            var end = text.IndexOf("</p>", StringComparison.Ordinal);
            text = text[3..end] + text[(end + 4)..];
        }
        return text;
    }

    private static int NextNonBlank(string[] lines, int i)
    {
        for (; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static int Indent(string line)
    {
        var columns = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                columns++;
            }
            else if (c == '\t')
            {
                columns += 4 - columns % 4;
            }
            else
            {
                break;
            }
        }
        return columns;
    }

    private static string Dedent(string line, int columns)
    {
        var i = 0;
        for (var removed = 0; i < line.Length && removed < columns && line[i] is ' ' or '\t'; i++)
        {
            removed += line[i] == '\t' ? 4 - removed % 4 : 1;
        }
        return line[i..];
    }
}
