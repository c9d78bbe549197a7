using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Headings_paragraphs_emphasis_strong_code_and_links_render()
    {
        var html = MarkdownRenderer.ToHtml("# Title\n\nSome *soft* and **bold** text with `a < b` and a [link](https://example.com/x?a=1&b=2).\nSecond line.\n\n### Small ###");
        Assert.Equal(
            "<h1>Title</h1>\n" +
            "<p>Some <em>soft</em> and <strong>bold</strong> text with <code>a &lt; b</code> and a " +
            "<a href=\"https://example.com/x?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">link</a>.\nSecond line.</p>\n" +
            "<h3>Small</h3>\n", html);
    }

    [Fact]
    public void Lists_ordered_unordered_and_nested_render()
    {
        var html = MarkdownRenderer.ToHtml("- one\n- two\n  - two a\n  - two b\n\n3. three\n4. four");
        Assert.Equal(
            "<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>two a</li>\n<li>two b</li>\n</ul>\n</li>\n</ul>\n" +
            "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n", html);
    }

    [Fact]
    public void Fenced_code_keeps_its_text_encoded_and_unformatted()
    {
        var html = MarkdownRenderer.ToHtml("```csharp\nif (a < b && **c**) { }\n<script>alert(1)</script>\n```\nafter");
        Assert.Equal(
            "<pre><code class=\"language-csharp\">if (a &lt; b &amp;&amp; **c**) { }\n&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n<p>after</p>\n", html);
    }

    [Fact]
    public void Quotes_rules_escapes_and_snake_case_render_as_expected()
    {
        var html = MarkdownRenderer.ToHtml("> quoted *text*\n\n---\n\nuse snake_case_names and \\*not emphasis\\*");
        Assert.Equal(
            "<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>\n<hr>\n<p>use snake_case_names and *not emphasis*</p>\n", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("[x](https://ok.example/\" onmouseover=\"alert(1))")]
    [InlineData("![pixel](https://tracker.example/p.gif \"t\") **<iframe src=x>**")]
    [InlineData("```\n</code></pre><script>alert(1)</script>\n```")]
    [InlineData("# <svg onload=alert(1)>")]
    public void Xss_attempts_come_out_as_inert_text(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" onerror=", html.Replace("&lt;img src=x onerror=", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        InertHtml.Check(html);
    }

    [Fact]
    public void An_unsafe_link_keeps_its_text_but_not_its_target()
    {
        Assert.Equal("<p><a>click</a></p>\n", MarkdownRenderer.ToHtml("[click](javascript:alert(1))"));
        Assert.Equal("<p>&lt;b&gt;hi&lt;/b&gt; &amp; bye</p>\n", MarkdownRenderer.ToHtml("<b>hi</b> & bye"));
    }

    [Fact]
    public void Long_runs_of_unmatched_markers_render_as_text()
    {
        var text = string.Concat(Enumerable.Repeat(" *a _b [d]( ", 20_000)) + "`c";
        var html = MarkdownRenderer.ToHtml(text);
        Assert.StartsWith("<p>*a _b [d]( ", html);
        Assert.EndsWith("`c</p>\n", html);
        Assert.DoesNotContain("<em>", html);
    }

    [Fact]
    public void Nesting_deeper_than_markdig_allows_renders_as_text_instead_of_failing()
    {
        var html = MarkdownRenderer.ToHtml(string.Concat(Enumerable.Repeat("> ", 1_000)) + "<b>deep</b>");
        Assert.StartsWith("<p>&gt; &gt; ", html);
        Assert.EndsWith("&lt;b&gt;deep&lt;/b&gt;</p>\n", html);
        InertHtml.Check(html);
    }
}
