using MynaPlatform.Notices.Domain.Time;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

/// <summary>
/// Japan-time results that must not change with the server's time zone. It runs in this process and
/// again in child processes under other TZ values (see <see cref="TimeZoneIndependenceTests"/>).
/// </summary>
public sealed class TimeZoneProbeTests
{
    public const string ExpectedOffsetVariable = "MYNA_PROBE_EXPECTED_LOCAL_OFFSET_MINUTES";

    [Fact]
    public void JapanTime_AnyServerZone_GivesSameResult()
    {
        // In a child process, first prove that the requested zone took effect.
        if (Environment.GetEnvironmentVariable(ExpectedOffsetVariable) is { } expectedMinutes)
        {
            var winter = new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);
            Assert.Equal(int.Parse(expectedMinutes, System.Globalization.CultureInfo.InvariantCulture),
                (int)TimeZoneInfo.Local.GetUtcOffset(winter).TotalMinutes);
        }

        Assert.True(JapanDatePeriod.TryParse("2026-04-01", "2026-04-30", out var period, out _));
        Assert.Equal("2026-03-31T15:00:00.0000000+00:00", period.StartUtc!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2026-04-30T15:00:00.0000000+00:00", period.EndUtc!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2026年12月4日 21:05", JapanTime.FormatDateTime(new DateTimeOffset(2026, 12, 4, 12, 5, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 4, 1), JapanTime.DateOf(new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero)));
    }
}
