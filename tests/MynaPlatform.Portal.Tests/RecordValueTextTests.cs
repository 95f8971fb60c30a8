using MynaPlatform.Portal.Display;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class RecordValueTextTests
{
    [Theory]
    [InlineData("3500000", "3,500,000 円")]
    [InlineData("215000", "215,000 円")]
    [InlineData("999", "999 円")]
    [InlineData("0", "0 円")]
    [InlineData("-12000", "-12,000 円")]
    [InlineData("123456789012345678", "123,456,789,012,345,678 円")]
    public void Format_YenAmount_GroupedByThousands(string value, string expected)
    {
        Assert.Equal(expected, RecordValueText.Format(value, "円"));
    }

    [Theory]
    [InlineData("１０００００")]
    [InlineData("3,500,000")]
    [InlineData("007")]
    [InlineData("-0")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("+5000")]
    [InlineData("3500000.5")]
    [InlineData("1234567890123456789")]
    [InlineData("約 5000")]
    public void Format_OtherYenValue_KeptAsSent(string value)
    {
        Assert.Equal($"{value} 円", RecordValueText.Format(value, "円"));
    }

    [Theory]
    [InlineData("2025", "年度", "2025 年度")]
    [InlineData("12000", "人", "12000 人")]
    [InlineData("老齢基礎年金", null, "老齢基礎年金")]
    [InlineData("12000", null, "12000")]
    public void Format_OtherUnit_KeptAsSent(string value, string? unit, string expected)
    {
        Assert.Equal(expected, RecordValueText.Format(value, unit));
    }
}
