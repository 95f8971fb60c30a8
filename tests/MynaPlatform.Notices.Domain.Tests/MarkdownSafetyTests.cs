using System.Text.RegularExpressions;
using MynaPlatform.Notices.Domain.Markdown;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

/// <summary>Script-injection payloads and hostile inputs; each must come out as inert text.</summary>
public sealed partial class MarkdownSafetyTests
{
    public static TheoryData<string> Payloads =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>*{display:none}</style>",
        "<!-- <script> -->",
        "<p onclick=\"alert(1)\">x</p>",
        "<<script>script>alert(1)<</script>/script>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](file:///etc/passwd)",
        "[x](//evil.example/)",
        "[x](https://a.example/\"onmouseover=\"alert(1))",
        "[x](https://a.example/'onmouseover='alert(1))",
        "[x](https://a.example/><script>alert(1)</script>)",
        "[<img src=x onerror=alert(1)>](https://a.example/)",
        "[x](https://a.example/ \"title\" onclick=alert(1))",
        "![x](https://a.example/x.png\"onerror=\"alert(1))",
        "https://a.example/\"><script>alert(1)</script>",
        "https://a.example/<script>",
        "javascript:alert(1)",
        "**<script>**alert(1)**</script>**",
        "*<b>*太字*</b>*",
        "_<i onmouseover=alert(1)>_x_</i>_",
        "- <script>alert(1)</script>\n1. <img src=x>",
        "\\<script>alert(1)\\</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<scr\0ipt>alert(1)</scr\0ipt>",
        "[x](https://a.example/%22onmouseover=%22alert(1))",
        "[x](https://user:pass@a.example/)",
        "<https://a.example/>",
        "<a href='https://a.example/'>リンク</a>",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void ToHtml_InjectionPayload_OutputsOnlyAllowedHtml(string payload)
    {
        var html = MarkdownRenderer.ToHtml(payload);

        AllowedHtml.AssertSafe(html);
        Assert.DoesNotMatch(ScriptScheme(), string.Concat(Hrefs().Matches(html).Select(match => match.Value)));
        Assert.DoesNotMatch(EventHandlerInTag(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void PlainText_InjectionPayload_OutputsOnlyAllowedHtml(string payload)
    {
        var html = PlainTextRenderer.ToHtml(payload);

        AllowedHtml.AssertSafe(html);
        Assert.DoesNotContain("<a ", html);
    }

    [Fact]
    public void ToHtml_RawHtml_IsShownAsText() =>
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n", MarkdownRenderer.ToHtml("<script>alert(1)</script>"));

    [Fact]
    public void ToHtml_EncodedScheme_IsShownAsText() =>
        Assert.Equal("<p>[x](jav&amp;#x61;script:alert(1))</p>\n", MarkdownRenderer.ToHtml("[x](jav&#x61;script:alert(1))"));

    [Fact]
    public void ToHtml_QuoteInAddress_EndsLinkBeforeIt()
    {
        var html = MarkdownRenderer.ToHtml("https://a.example/\"onmouseover=\"alert(1)");

        Assert.StartsWith("<p><a href=\"https://a.example/\" rel=", html);
        Assert.Contains("&quot;onmouseover=&quot;alert(1)", html);
    }

    // Each input below would take quadratic or exponential time in a backtracking parser. The
    // renderer's scans are linear by construction (see InlineParser), so these finish at once; the
    // size keeps any regression obvious without timing the test.
    public static TheoryData<string, string> HostileInputs => new()
    {
        { "asterisks", new string('*', 200_000) },
        { "alternating markers", string.Concat(Enumerable.Repeat("*_", 100_000)) },
        { "unclosed openers", string.Concat(Enumerable.Repeat("*a ", 70_000)) },
        { "unclosed strong", string.Concat(Enumerable.Repeat("**a ", 50_000)) },
        { "open brackets", new string('[', 200_000) },
        { "bracket parens", string.Concat(Enumerable.Repeat("[a](", 50_000)) },
        { "closing pairs", string.Concat(Enumerable.Repeat("](", 100_000)) },
        { "nested parens", "[a](https://a.example/" + new string('(', 100_000) },
        { "repeated schemes", string.Concat(Enumerable.Repeat("https://", 25_000)) },
        { "long address", "https://a.example/" + new string('a', 200_000) },
        { "escapes", string.Concat(Enumerable.Repeat("\\*", 100_000)) },
        { "list lines", string.Concat(Enumerable.Repeat("- a\n", 50_000)) },
        { "blank lines", new string('\n', 200_000) },
        { "escaped brackets", "[" + string.Concat(Enumerable.Repeat("\\[", 100_000)) },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void ToHtml_HostileInput_RendersSafely(string name, string input)
    {
        var html = MarkdownRenderer.ToHtml(input);

        AllowedHtml.AssertSafe(html);
        Assert.True(html.Length < input.Length * 12, $"{name}: output grew to {html.Length} characters");
    }

    [GeneratedRegex("(?i)(javascript|vbscript|data|file):")]
    private static partial Regex ScriptScheme();

    [GeneratedRegex("href=\"[^\"]*\"")]
    private static partial Regex Hrefs();

    [GeneratedRegex("<[^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerInTag();
}
