using AngleSharp;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Platform.Core.Jobs;

/// <summary>
/// The one gate rendered output passes, HTML answers and rendered Markdown alike. Ganss.Xss's sanitizer parses the
/// text as a browser would and keeps the allow-list of <see cref="OutputAllowList"/>; this class then narrows the few
/// allowed attributes to the elements they mean something on.
/// </summary>
public static class OutputSanitizer
{
    // Thread-safe once configured (the library's README, "Thread safety").
    private static readonly OutputAllowList Sanitizer = new();

    public static string Sanitize(string html)
    {
        using var document = Sanitizer.SanitizeDom(html);
        if (document.Body is not { } body)
        {
            return "";
        }
        foreach (var element in body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes.ToList())
            {
                if (!OutputAllowList.FitsElement(element.LocalName, attribute.Name, attribute.Value))
                {
                    element.RemoveAttribute(attribute.Name);
                }
            }
            if (element.LocalName == "a" && element.HasAttribute("href"))
            {
                element.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        }
        return body.ChildNodes.ToHtml(Sanitizer.OutputFormatter);
    }
}
