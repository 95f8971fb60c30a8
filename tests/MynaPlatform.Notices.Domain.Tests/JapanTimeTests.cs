using MynaPlatform.Notices.Domain.Time;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class JapanTimeTests
{
    [Theory]
    [InlineData("2026-12-04T12:05:00Z", "2026年12月4日 21:05")]
    [InlineData("2026-12-31T15:00:00Z", "2027年1月1日 00:00")]
    [InlineData("2026-12-31T14:59:59Z", "2026年12月31日 23:59")]
    [InlineData("2026-03-08T10:00:00Z", "2026年3月8日 19:00")]
    [InlineData("2026-07-01T09:30:00-04:00", "2026年7月1日 22:30")]
    public void FormatDateTime_Instant_ShowsJapanTime(string instant, string expected) =>
        Assert.Equal(expected, JapanTime.FormatDateTime(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void FormatDate_NewYearInJapan_ShowsNextDay() =>
        Assert.Equal("2027年1月1日", JapanTime.FormatDate(new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void DateOf_LateUtcEvening_IsNextJapanDay() =>
        Assert.Equal(new DateOnly(2026, 4, 2), JapanTime.DateOf(new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void FixedOffset_MatchesTokyoZone()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Tokyo", out var tokyo))
        {
            Assert.Skip("The Asia/Tokyo zone is not installed (no tzdata or ICU time zone data).");
        }

        // Every six hours across a century, including the dates where other zones change to DST.
        for (var instant = new DateTimeOffset(1960, 1, 1, 0, 0, 0, TimeSpan.Zero);
             instant.Year < 2060;
             instant = instant.AddHours(6 + 0.25))
        {
            Assert.Equal(tokyo.GetUtcOffset(instant), JapanTime.ToJapanTime(instant).Offset);
        }
    }
}
