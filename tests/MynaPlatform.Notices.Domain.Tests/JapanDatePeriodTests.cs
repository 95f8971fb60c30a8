using MynaPlatform.Notices.Domain.Time;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class JapanDatePeriodTests
{
    private static JapanDatePeriod Parse(string? from, string? to)
    {
        Assert.True(JapanDatePeriod.TryParse(from, to, out var period, out var errors), string.Join(" ", errors));
        return period;
    }

    [Fact]
    public void TryParse_OneDay_CoversJapanCalendarDay()
    {
        var period = Parse("2026-04-01", "2026-04-01");

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero), period.StartUtc);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.Zero), period.EndUtc);
        Assert.Equal(TimeSpan.Zero, period.StartUtc!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-03-31T15:00:00Z", true)]
    [InlineData("2026-04-01T00:00:00+09:00", true)]
    [InlineData("2026-03-31T14:59:59.9999999Z", false)]
    [InlineData("2026-04-01T23:59:59+09:00", true)]
    [InlineData("2026-04-01T15:00:00Z", false)]
    [InlineData("2026-04-02T00:00:00+09:00", false)]
    [InlineData("2026-04-01T10:00:00-04:00", true)]
    public void Contains_BoundaryInstant_FollowsJapanDay(string instant, bool expected) =>
        Assert.Equal(expected, Parse("2026-04-01", "2026-04-01").Contains(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void TryParse_OpenEnds_AreNull()
    {
        var onlyFrom = Parse("2026-04-01", null);
        var onlyTo = Parse("", "2026-04-30");
        var none = Parse(null, null);

        Assert.Null(onlyFrom.EndUtc);
        Assert.Null(onlyTo.StartUtc);
        Assert.True(none.Contains(DateTimeOffset.MinValue.AddDays(1)));
        Assert.True(onlyFrom.Contains(new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TryParse_LeapDay_IsAccepted() =>
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 15, 0, 0, TimeSpan.Zero), Parse("2028-02-29", "2028-02-29").EndUtc);

    [Theory]
    [InlineData("2026-4-1")]
    [InlineData("2026/04/01")]
    [InlineData("20260401")]
    [InlineData("２０２６-０４-０１")]
    [InlineData("2026-02-30")]
    [InlineData("2027-02-29")]
    [InlineData("2026-13-01")]
    [InlineData(" 2026-04-01")]
    [InlineData("2026-04-01T00:00")]
    [InlineData("令和8年4月1日")]
    public void TryParse_BadFrom_NamesField(string from)
    {
        Assert.False(JapanDatePeriod.TryParse(from, null, out var period, out var errors));
        Assert.Null(period);
        var error = Assert.Single(errors);
        Assert.Equal("from", error.Field);
        Assert.Contains("yyyy-MM-dd", error.Message);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("9999-12-31")]
    public void TryParse_OutOfRangeDate_IsRejected(string to)
    {
        Assert.False(JapanDatePeriod.TryParse(null, to, out _, out var errors));
        Assert.Equal("to", Assert.Single(errors).Field);
    }

    [Fact]
    public void TryParse_ToBeforeFrom_IsRejected()
    {
        Assert.False(JapanDatePeriod.TryParse("2026-04-02", "2026-04-01", out _, out var errors));
        var error = Assert.Single(errors);
        Assert.Equal("to", error.Field);
        Assert.Contains("from 以降", error.Message);
    }

    [Fact]
    public void TryParse_BothInvalid_ReportsBoth()
    {
        Assert.False(JapanDatePeriod.TryParse("x", "y", out _, out var errors));
        Assert.Equal(["from", "to"], errors.Select(error => error.Field));
    }
}
