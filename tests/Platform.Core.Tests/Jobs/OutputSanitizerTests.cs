using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

public sealed class OutputSanitizerTests
{
    [Fact]
    public void Allowed_markup_is_kept_with_only_allowed_attributes()
    {
        var html = OutputSanitizer.Sanitize(
            "<H2 class=\"x\" style=\"color:red\">Title</H2><p>A <b>bold</b>, <em>soft</em> <a href='https://example.com/?a=1&amp;b=2' target=_blank>link</a>.<br/>" +
            "<table><tr><th colspan=\"2\">h</th><td rowspan=x>c</td></tr></table></p>");
        Assert.Equal(
            "<h2>Title</h2><p>A <b>bold</b>, <em>soft</em> <a href=\"https://example.com/?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">link</a>.<br></p>" +
            "<table><tbody><tr><th colspan=\"2\">h</th><td>c</td></tr></tbody></table><p></p>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>ok", "ok")]
    [InlineData("<SCRIPT type=\"text/javascript\">alert('<p>')</SCRIPT >ok", "ok")]
    [InlineData("<style>body{display:none}</style>ok", "ok")]
    [InlineData("<iframe src=\"https://evil.example\">inside</iframe>ok", "ok")]
    [InlineData("<img src=x onerror=alert(1)>ok", "ok")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=alert(2)>ok</p>", "<p>ok</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">ok</a>", "<a>ok</a>")]
    [InlineData("<a href=\"&#106;avascript&#58;alert(1)\">ok</a>", "<a>ok</a>")]
    [InlineData("<a href=\" JAVASCRIPT:alert(1)\">ok</a>", "<a>ok</a>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">ok</a>", "<a>ok</a>")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">ok</a>", "<a>ok</a>")]
    [InlineData("<svg><script>alert(1)</script></svg>ok", "ok")]
    [InlineData("<!-- <script>alert(1)</script> -->ok", "ok")]
    [InlineData("<scr<script>ipt>alert(1)</script>ok", "ipt&gt;alert(1)ok")]
    [InlineData("<div>a<form action=x><input value=\"b\"></form>c</div>", "<div>ac</div>")]
    [InlineData("<p>1 < 2 & 3 > 2</p>", "<p>1 &lt; 2 &amp; 3 &gt; 2</p>")]
    // A tag still open at the end of the text is no tag at all to a browser, and so none here.
    [InlineData("<a href=\"https://x.example\" title=\"unclosed>ok", "")]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    public void Dangerous_markup_is_removed_or_encoded(string input, string expected)
    {
        Assert.Equal(expected, OutputSanitizer.Sanitize(input));
    }

    [Fact]
    public void Unbalanced_tags_come_out_balanced_as_a_browser_would_close_them()
    {
        Assert.Equal("<ul><li><b>x</b></li></ul><p><b>y</b></p>", OutputSanitizer.Sanitize("<ul><li><b>x</ul></i><p>y"));
    }
}
