using MynaPlatform.Portal.Display;
using Xunit;

namespace MynaPlatform.Portal.Tests;

public sealed class ScreenPeriodTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("2026-04-01", null)]
    [InlineData(null, "2026-04-01")]
    [InlineData("2026-04-01", "2026-04-01")]
    [InlineData(" 2026-04-01 ", "2026-04-30")]
    public void Check_ValidPeriod_ReturnsNull(string? from, string? to)
    {
        Assert.Null(ScreenPeriod.Check(from, to));
    }

    [Fact]
    public void Check_EndBeforeStart_AsksForLaterEnd()
    {
        var message = ScreenPeriod.Check("2026-04-02", "2026-04-01");

        Assert.NotNull(message);
        Assert.Contains("期間の終わりの日付", message.NextStep);
    }

    [Theory]
    [InlineData("2026/04/01", null)]
    [InlineData(null, "2026-13-01")]
    [InlineData("令和8年4月1日", null)]
    public void Check_MalformedDate_ShowsFormat(string? from, string? to)
    {
        var message = ScreenPeriod.Check(from, to);

        Assert.NotNull(message);
        Assert.Contains("2026-04-01", message.NextStep);
    }
}
