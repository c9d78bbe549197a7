using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

/// <summary>
/// Parses rendered output as a browser would and fails on anything that could run or load: an element outside the
/// allow-list, or any attribute but a safe link, a table span, a list start or a code language. Written apart from the
/// sanitizer's own configuration so that a mistake there is caught here.
/// </summary>
internal static class InertHtml
{
    private static readonly HashSet<string> Elements =
    [
        .. "p br hr div span strong em b i u s del ins sub sup small mark code pre kbd blockquote".Split(' '),
        .. "ul ol li dl dt dd h1 h2 h3 h4 h5 h6 a table thead tbody tfoot tr th td caption".Split(' '),
    ];

    public static void Check(string html)
    {
        using var document = new HtmlParser().ParseDocument("<!doctype html><html><body>" + html);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.True(Elements.Contains(element.LocalName), $"<{element.LocalName}> survived in: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(IsInert(element.LocalName, attribute), $"{element.LocalName}[{attribute.Name}=\"{attribute.Value}\"] survived in: {html}");
            }
        }
        // Parsing the stored HTML again gives the same tree, so nothing is reinterpreted on the way to a browser.
        Assert.Equal(html, OutputSanitizer.Sanitize(html));
    }

    private static bool IsInert(string element, IAttr attribute) => (element, attribute.Name) switch
    {
        ("a", "href") => attribute.Value.Split(':')[0] is "http" or "https" or "mailto"
            && !attribute.Value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)),
        ("a", "rel") => attribute.Value == "nofollow noopener noreferrer",
        ("td" or "th", "colspan" or "rowspan") or ("ol", "start") => attribute.Value.All(char.IsAsciiDigit),
        ("code", "class") => attribute.Value.StartsWith("language-", StringComparison.Ordinal) && !attribute.Value.Contains(' '),
        _ => false,
    };
}
