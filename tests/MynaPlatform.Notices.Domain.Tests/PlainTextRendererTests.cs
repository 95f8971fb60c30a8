using MynaPlatform.Notices.Domain.Markdown;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class PlainTextRendererTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("\n\n", "")]
    [InlineData("一行", "<p>一行</p>\n")]
    [InlineData("一行目\n二行目", "<p>一行目<br>\n二行目</p>\n")]
    [InlineData("段落一\n\n\n段落二", "<p>段落一</p>\n<p>段落二</p>\n")]
    [InlineData("CRLF\r\n\r\n段落", "<p>CRLF</p>\n<p>段落</p>\n")]
    [InlineData("**そのまま** - 1. https://a.example/", "<p>**そのまま** - 1. https://a.example/</p>\n")]
    [InlineData("a < b & c > d", "<p>a &lt; b &amp; c &gt; d</p>\n")]
    [InlineData("\u3000字下げ  ", "<p>\u3000字下げ</p>\n")]
    public void ToHtml_PlainText_EscapesAndBreaksLines(string text, string expected) =>
        Assert.Equal(expected, PlainTextRenderer.ToHtml(text));
}
