using MynaPlatform.Reference;
using Xunit;

namespace MynaPlatform.Reference.Tests;

public sealed class LocalGovernmentCodeTests
{
    // Published codes: remainder 5 (千代田区), remainder 0 giving 1 (新宿区), and other cities.
    [Theory]
    [InlineData("131016")]
    [InlineData("131041")]
    [InlineData("011002")]
    [InlineData("141003")]
    [InlineData("271403")]
    [InlineData("472018")]
    public void IsValid_PublishedCode_ReturnsTrue(string code) => Assert.True(LocalGovernmentCode.IsValid(code));

    [Theory]
    [InlineData("131017")]
    [InlineData("131040")]
    [InlineData("13101")]
    [InlineData("1310160")]
    [InlineData("13101a")]
    [InlineData("１３１０１６")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_WrongCode_ReturnsFalse(string? code) => Assert.False(LocalGovernmentCode.IsValid(code));

    [Fact]
    public void CheckDigit_RemainderOne_IsZero()
    {
        var baseWithRemainderOne = Enumerable.Range(0, 100_000).Select(n => n.ToString("D5"))
            .First(digits => digits.Select((c, i) => (c - '0') * new[] { 6, 5, 4, 3, 2 }[i]).Sum() % 11 == 1);

        Assert.Equal(0, LocalGovernmentCode.CheckDigit(baseWithRemainderOne));
    }

    [Fact]
    public void CheckDigit_NotFiveDigits_Throws() =>
        Assert.Throws<ArgumentException>(() => LocalGovernmentCode.CheckDigit("1310"));
}
