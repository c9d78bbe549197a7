namespace Platform.Core.Jobs;

internal enum HtmlTokenKind
{
    Text,
    StartTag,
    EndTag,
}

internal sealed record HtmlToken(HtmlTokenKind Kind, string Name, string Text, IReadOnlyList<(string Name, string Value)> Attributes, bool SelfClosing);

/// <summary>
/// A forgiving HTML tokenizer for <see cref="HtmlSanitizer"/>: tags, end tags and text. Comments, doctypes and
/// processing instructions are skipped; a "&lt;" that does not start a complete tag is text.
/// </summary>
internal sealed class HtmlReader(string html)
{
    private static readonly IReadOnlyList<(string, string)> None = [];
    private int _position;

    public HtmlToken? Next()
    {
        while (_position < html.Length)
        {
            var start = _position;
            if (html[start] != '<')
            {
                var next = html.IndexOf('<', start + 1);
                _position = next < 0 ? html.Length : next;
                return new HtmlToken(HtmlTokenKind.Text, "", html[start.._position], None, false);
            }
            if (At("<!--"))
            {
                SkipPast("-->", start + 4);
            }
            else if (At("<!") || At("<?") || At("</") && start + 2 < html.Length && !char.IsAsciiLetter(html[start + 2]))
            {
                SkipPast(">", start + 2);
            }
            else if (start + 1 < html.Length && (char.IsAsciiLetter(html[start + 1]) || At("</")) && Tag(start) is { } tag)
            {
                return tag;
            }
            else
            {
                _position = start + 1;
                return new HtmlToken(HtmlTokenKind.Text, "", "<", None, false);
            }
        }
        return null;
    }

    /// <summary>Moves past the end tag of a dropped element, or to the end when it never closes.</summary>
    public void SkipTo(string name)
    {
        var end = html.IndexOf("</" + name, _position, StringComparison.OrdinalIgnoreCase);
        _position = end < 0 ? html.Length : end;
        if (end >= 0)
        {
            SkipPast(">", end);
        }
    }

    private HtmlToken? Tag(int start)
    {
        var end = html[start + 1] == '/';
        var i = start + (end ? 2 : 1);
        var nameStart = i;
        while (i < html.Length && char.IsAsciiLetterOrDigit(html[i]))
        {
            i++;
        }
        var name = html[nameStart..i].ToLowerInvariant();
        var attributes = new List<(string, string)>();
        var selfClosing = false;
        while (i < html.Length && html[i] != '>')
        {
            if (char.IsWhiteSpace(html[i]) || html[i] == '/')
            {
                selfClosing = html[i] == '/';
                i++;
                continue;
            }
            var attributeStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('>' or '=' or '/') || i == attributeStart && i < html.Length && html[i] == '=')
            {
                i++;
            }
            var attribute = html[attributeStart..i].ToLowerInvariant();
            var value = "";
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    if (close < 0)
                    {
                        return null;
                    }
                    value = html[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }
                    value = html[valueStart..i];
                }
            }
            attributes.Add((attribute, value));
        }
        if (i >= html.Length)
        {
            return null;
        }
        _position = i + 1;
        return new HtmlToken(end ? HtmlTokenKind.EndTag : HtmlTokenKind.StartTag, name, "", attributes, selfClosing);
    }

    private bool At(string prefix) => string.CompareOrdinal(html, _position, prefix, 0, prefix.Length) == 0;

    private void SkipPast(string marker, int from)
    {
        var end = html.IndexOf(marker, Math.Min(from, html.Length), StringComparison.Ordinal);
        _position = end < 0 ? html.Length : end + marker.Length;
    }
}
