using MynaPlatform.Notices.Domain.Markdown;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class MarkdownRendererTests
{
    private const string Rel = "rel=\"noopener noreferrer nofollow\"";

    private static string Render(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        AllowedHtml.AssertSafe(html);
        return html;
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   \n\n\t\n", "")]
    [InlineData("お知らせです。", "<p>お知らせです。</p>\n")]
    [InlineData("一段落目\n\n二段落目", "<p>一段落目</p>\n<p>二段落目</p>\n")]
    [InlineData("一行目\n二行目", "<p>一行目<br>\n二行目</p>\n")]
    [InlineData("一行目\r\n二行目\r三行目", "<p>一行目<br>\n二行目<br>\n三行目</p>\n")]
    [InlineData("  前後の空白  ", "<p>前後の空白</p>\n")]
    [InlineData("\u3000全角空白の字下げ", "<p>\u3000全角空白の字下げ</p>\n")]
    public void ToHtml_Paragraphs_RendersLineBreaks(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Theory]
    [InlineData("*強調*", "<p><em>強調</em></p>\n")]
    [InlineData("_強調_", "<p><em>強調</em></p>\n")]
    [InlineData("**重要**", "<p><strong>重要</strong></p>\n")]
    [InlineData("__重要__", "<p><strong>重要</strong></p>\n")]
    [InlineData("期限は**4月30日**です", "<p>期限は<strong>4月30日</strong>です</p>\n")]
    [InlineData("**「重要」**をお読みください", "<p><strong>「重要」</strong>をお読みください</p>\n")]
    [InlineData("**太字と*斜体*の入れ子**", "<p><strong>太字と<em>斜体</em>の入れ子</strong></p>\n")]
    [InlineData("*斜体と**太字**の入れ子*", "<p><em>斜体と<strong>太字</strong>の入れ子</em></p>\n")]
    [InlineData("**行を\nまたぐ**", "<p><strong>行を<br>\nまたぐ</strong></p>\n")]
    public void ToHtml_Emphasis_RendersTags(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Theory]
    [InlineData("*閉じない", "<p>*閉じない</p>\n")]
    [InlineData("閉じない**", "<p>閉じない**</p>\n")]
    [InlineData("**開いて*閉じる", "<p>**開いて*閉じる</p>\n")]
    [InlineData("文 * 空白の後は開かない*", "<p>文 * 空白の後は開かない*</p>\n")]
    [InlineData("2 * 3 * 4", "<p>2 * 3 * 4</p>\n")]
    [InlineData("***三つ***", "<p>***三つ***</p>\n")]
    [InlineData("****", "<p>****</p>\n")]
    [InlineData("file_name_here", "<p>file_name_here</p>\n")]
    [InlineData("\\*エスケープ\\*", "<p>*エスケープ*</p>\n")]
    [InlineData("\\\\*a*", "<p>\\<em>a</em></p>\n")]
    [InlineData("*a **b* c**", "<p><em>a **b</em> c**</p>\n")]
    [InlineData("**a *b** c*", "<p><strong>a *b</strong> c*</p>\n")]
    public void ToHtml_UnmatchedMarkers_StayLiteral(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Fact]
    public void ToHtml_DeepEmphasis_StopsAtMaxDepth()
    {
        // "*w _w *w … x … w* w_ w*": twenty pairs that can only nest.
        var markers = Enumerable.Range(0, 20).Select(index => index % 2 == 0 ? "*" : "_").ToList();
        var markdown = string.Join(" ", markers.Select(marker => marker + "w")) + " x "
            + string.Join(" ", markers.AsEnumerable().Reverse().Select(marker => "w" + marker));

        var html = Render(markdown);

        Assert.Equal(MarkdownRenderer.MaxEmphasisDepth, html.Split("<em>").Length - 1);
        Assert.Equal(MarkdownRenderer.MaxEmphasisDepth, html.Split("</em>").Length - 1);
        Assert.Contains("*w _w x w_ w*", html);
    }

    [Theory]
    [InlineData("- りんご\n- みかん", "<ul>\n<li>りんご</li>\n<li>みかん</li>\n</ul>\n")]
    [InlineData("* りんご\n* みかん", "<ul>\n<li>りんご</li>\n<li>みかん</li>\n</ul>\n")]
    [InlineData("+ りんご", "<ul>\n<li>りんご</li>\n</ul>\n")]
    [InlineData("1. 申請書を書く\n2. 窓口に出す", "<ol>\n<li>申請書を書く</li>\n<li>窓口に出す</li>\n</ol>\n")]
    [InlineData("1) 一つ目\n2) 二つ目", "<ol>\n<li>一つ目</li>\n<li>二つ目</li>\n</ol>\n")]
    [InlineData("3. 三番目から", "<ol start=\"3\">\n<li>三番目から</li>\n</ol>\n")]
    [InlineData("007. 先頭のゼロ", "<ol start=\"7\">\n<li>先頭のゼロ</li>\n</ol>\n")]
    [InlineData("- 項目\n  続きの行", "<ul>\n<li>項目<br>\n続きの行</li>\n</ul>\n")]
    [InlineData("- 一\n  - 入れ子は平らに", "<ul>\n<li>一</li>\n<li>入れ子は平らに</li>\n</ul>\n")]
    [InlineData("- **太字**の項目", "<ul>\n<li><strong>太字</strong>の項目</li>\n</ul>\n")]
    [InlineData("- 箇条\n1. 番号", "<ul>\n<li>箇条</li>\n</ul>\n<ol>\n<li>番号</li>\n</ol>\n")]
    [InlineData("- 一\n+ 記号が変わる", "<ul>\n<li>一</li>\n</ul>\n<ul>\n<li>記号が変わる</li>\n</ul>\n")]
    [InlineData("説明文\n- 項目", "<p>説明文</p>\n<ul>\n<li>項目</li>\n</ul>\n")]
    [InlineData("2026. 先頭なら一覧\n1. 続き", "<ol start=\"2026\">\n<li>先頭なら一覧</li>\n<li>続き</li>\n</ol>\n")]
    [InlineData("説明文\n1. 一覧", "<p>説明文</p>\n<ol>\n<li>一覧</li>\n</ol>\n")]
    [InlineData("本文\n2026. 4月から変わります", "<p>本文<br>\n2026. 4月から変わります</p>\n")]
    [InlineData("-記号の後に空白なし", "<p>-記号の後に空白なし</p>\n")]
    [InlineData("-", "<p>-</p>\n")]
    [InlineData("1234567890. 桁が多すぎる", "<p>1234567890. 桁が多すぎる</p>\n")]
    public void ToHtml_Lists_RendersFlatLists(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Theory]
    [InlineData("[市のサイト](https://www.city.example.lg.jp/)",
        "<p><a href=\"https://www.city.example.lg.jp/\" " + Rel + ">市のサイト</a> (https://www.city.example.lg.jp/)</p>\n")]
    [InlineData("[https://a.example/](https://a.example/)",
        "<p><a href=\"https://a.example/\" " + Rel + ">https://a.example/</a></p>\n")]
    [InlineData("[](https://a.example/)",
        "<p><a href=\"https://a.example/\" " + Rel + ">https://a.example/</a></p>\n")]
    [InlineData("[検索](https://a.example/?q=1&r=2)",
        "<p><a href=\"https://a.example/?q=1&amp;r=2\" " + Rel + ">検索</a> (https://a.example/?q=1&amp;r=2)</p>\n")]
    [InlineData("[括弧](https://a.example/wiki/A_(B))",
        "<p><a href=\"https://a.example/wiki/A_(B)\" " + Rel + ">括弧</a> (https://a.example/wiki/A_(B))</p>\n")]
    [InlineData("**[太字のリンク](https://a.example/)**",
        "<p><strong><a href=\"https://a.example/\" " + Rel + ">太字のリンク</a> (https://a.example/)</strong></p>\n")]
    [InlineData("[A \\] B](https://a.example/)",
        "<p><a href=\"https://a.example/\" " + Rel + ">A ] B</a> (https://a.example/)</p>\n")]
    public void ToHtml_HttpsLink_ShowsAddress(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Theory]
    [InlineData("詳細は https://www.city.example.lg.jp/tax をご覧ください。",
        "<p>詳細は <a href=\"https://www.city.example.lg.jp/tax\" " + Rel + ">https://www.city.example.lg.jp/tax</a> をご覧ください。</p>\n")]
    [InlineData("詳細はhttps://a.example/をご覧ください",
        "<p>詳細は<a href=\"https://a.example/\" " + Rel + ">https://a.example/</a>をご覧ください</p>\n")]
    [InlineData("(https://a.example/x).",
        "<p>(<a href=\"https://a.example/x\" " + Rel + ">https://a.example/x</a>).</p>\n")]
    [InlineData("**https://a.example/**",
        "<p><strong><a href=\"https://a.example/\" " + Rel + ">https://a.example/</a></strong></p>\n")]
    [InlineData("https://a.example/snake_case_path",
        "<p><a href=\"https://a.example/snake_case_path\" " + Rel + ">https://a.example/snake_case_path</a></p>\n")]
    public void ToHtml_BareHttpsAddress_BecomesLink(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Theory]
    [InlineData("http://a.example/", "<p>http://a.example/</p>\n")]
    [InlineData("[平文](http://a.example/)", "<p>[平文](http://a.example/)</p>\n")]
    [InlineData("[空白](https://a.example/ x)", "<p>[空白](<a href=\"https://a.example/\" " + Rel + ">https://a.example/</a> x)</p>\n")]
    [InlineData("[ホストなし](https:///path)", "<p>[ホストなし](https:///path)</p>\n")]
    [InlineData("[偽装](https://city.example.lg.jp@evil.example/)", "<p>[偽装](https://city.example.lg.jp@evil.example/)</p>\n")]
    [InlineData("xhttps://a.example/", "<p>xhttps://a.example/</p>\n")]
    [InlineData("[閉じない(https://a.example/", "<p>[閉じない(<a href=\"https://a.example/\" " + Rel + ">https://a.example/</a></p>\n")]
    [InlineData("![画像](https://a.example/a.png)", "<p>!<a href=\"https://a.example/a.png\" " + Rel + ">画像</a> (https://a.example/a.png)</p>\n")]
    public void ToHtml_UnsafeOrBrokenLink_StaysText(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Theory]
    [InlineData("# 見出し", "<p># 見出し</p>\n")]
    [InlineData("> 引用", "<p>&gt; 引用</p>\n")]
    [InlineData("`code`", "<p>`code`</p>\n")]
    [InlineData("| a | b |", "<p>| a | b |</p>\n")]
    [InlineData("    字下げ", "<p>字下げ</p>\n")]
    [InlineData("---", "<p>---</p>\n")]
    [InlineData("a & b", "<p>a &amp; b</p>\n")]
    [InlineData("&amp; &lt;", "<p>&amp;amp; &amp;lt;</p>\n")]
    [InlineData("\"引用符\" 'と'", "<p>&quot;引用符&quot; &#39;と&#39;</p>\n")]
    public void ToHtml_OtherMarkdown_StaysText(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Fact]
    public void ToHtml_LoneSurrogateAndNul_BecomeReplacement() =>
        Assert.Equal("<p>a\uFFFDb\uFFFDc</p>\n", Render("a\0b\uD800c"));

    [Fact]
    public void ToHtml_SurrogatePair_IsKept() =>
        Assert.Equal("<p>𠮷野家 👨‍👩‍👧</p>\n", Render("𠮷野家 👨‍👩‍👧"));

    [Fact]
    public void BodyRenderer_Format_SelectsRenderer()
    {
        Assert.Equal("<p><strong>a</strong></p>\n", NoticeBodyRenderer.ToHtml("**a**", Validation.BodyFormat.Markdown));
        Assert.Equal("<p>**a**</p>\n", NoticeBodyRenderer.ToHtml("**a**", Validation.BodyFormat.Plain));
    }
}
