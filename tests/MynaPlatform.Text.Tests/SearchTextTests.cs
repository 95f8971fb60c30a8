using MynaPlatform.Text;
using Xunit;

namespace MynaPlatform.Text.Tests;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("ﾈﾝｷﾝ", "ねんきん")]
    [InlineData("ネンキン", "ねんきん")]
    [InlineData("ねんきん", "ねんきん")]
    [InlineData("２０２６", "2026")]
    [InlineData("ＡＢＣ abc", "abc abc")]
    [InlineData("ﾊﾟｽﾎﾟｰﾄ", "ぱすぽーと")]
    [InlineData("ガ", "が")]
    [InlineData("ヴ", "ゔ")]
    [InlineData("ヽヾ", "ゝゞ")]
    [InlineData("  予防\u3000接種  ", "予防 接種")]
    [InlineData("年金", "年金")]
    public void Normalize_Variant_ReturnsFoldedForm(string text, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(text));

    [Fact]
    public void Normalize_KatakanaOutsideFoldRange_IsKept()
    {
        // ヷ (U+30F7) has no hiragana counterpart, and the prolonged sound mark belongs to both scripts.
        Assert.Equal("ヷー", SearchText.Normalize("ヷー"));
    }

    [Fact]
    public void Normalize_Twice_GivesSameResult()
    {
        const string text = "ﾈﾝｷﾝ定期便　２０２６年";

        Assert.Equal(SearchText.Normalize(text), SearchText.Normalize(SearchText.Normalize(text)));
    }
}
