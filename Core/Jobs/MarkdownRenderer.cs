using System.Net;
using Markdig;

namespace Platform.Core.Jobs;

/// <summary>
/// Markdown answers to HTML with Markdig: CommonMark plus pipe tables and ~~strikethrough~~, which models write often.
/// Raw HTML in the answer is shown as text, and the result still goes through <see cref="OutputSanitizer"/>, which drops
/// what Markdown itself can smuggle in (a javascript: link, an image).
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    public static string ToHtml(string markdown)
    {
        string html;
        try
        {
            html = Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested deeper than its fixed limits (thousands of unclosed brackets, hundreds of
            // quote levels). Such an answer is not prose anyone reads as Markdown: it is kept readable as plain text
            // rather than failing the job.
            html = $"<p>{WebUtility.HtmlEncode(markdown.Trim())}</p>\n";
        }
        return OutputSanitizer.Sanitize(html);
    }
}
