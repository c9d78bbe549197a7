using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Platform.Core.Jobs;

/// <summary>
/// What rendered output may contain: text formatting, lists, tables and links to absolute http, https or mailto URLs.
/// Tags outside the list vanish and keep their text, except those whose content is code or markup (script, style,
/// svg, ...), which vanish with it. No style, no event handler, no other attribute.
/// </summary>
internal sealed partial class OutputAllowList : HtmlSanitizer
{
    private static readonly string[] Tags =
    [
        "p", "br", "hr", "div", "span", "strong", "em", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark",
        "code", "pre", "kbd", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "a",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    ];

    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "noscript", "noembed", "noframes", "template", "textarea",
        "title", "head", "svg", "math", "frameset", "frame", "xmp", "plaintext", "select", "option",
    };

    public OutputAllowList() : base(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(Tags),
        AllowedAttributes = new HashSet<string> { "href", "colspan", "rowspan", "start", "class" },
        AllowedSchemes = new HashSet<string> { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriAttributes),
        UriListAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriListAttributes),
    })
    {
        KeepChildNodes = true;
    }

    /// <summary>The per-element half of the attribute list, which the library keeps for all elements at once.</summary>
    public static bool FitsElement(string element, string attribute, string value) => (element, attribute) switch
    {
        ("a", "href") => true,
        ("td" or "th", "colspan" or "rowspan") => Digits().IsMatch(value) && value.Length <= 3,
        ("ol", "start") => Digits().IsMatch(value),
        // Markdig marks a fenced block's language this way; a highlighter may use it.
        ("code", "class") => Language().IsMatch(value),
        _ => false,
    };

    protected override void OnRemovingTag(RemovingTagEventArgs e)
    {
        base.OnRemovingTag(e);
        if (DroppedWithContent.Contains(e.Tag.LocalName))
        {
            e.Cancel = true;
            e.Tag.Remove();
        }
    }

    /// <summary>On top of the library's scheme check: absolute URLs only, with nothing a browser would strip.</summary>
    protected override string? SanitizeUrl(IElement element, string url, string baseUrl) =>
        base.SanitizeUrl(element, url, baseUrl) is { } safe && SafeUrl.IsAllowed(safe) ? safe : null;

    [GeneratedRegex("^[0-9]{1,9}$")]
    private static partial Regex Digits();

    [GeneratedRegex("^language-[A-Za-z0-9_+#-]{1,40}$")]
    private static partial Regex Language();
}
