using System.Globalization;

namespace MynaPlatform.Notices.Domain.Time;

/// <summary>
/// Japan Standard Time as the fixed offset +09:00. Japan has not observed daylight saving time since
/// 1951, so the offset is exact for every instant the platform stores; it never depends on the
/// server's own time zone (<see cref="TimeZoneInfo.Local"/>).
/// </summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset ToJapanTime(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The instant at which <paramref name="date"/> begins in Japan.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Offset).ToUniversalTime();

    /// <summary>The calendar date in Japan at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToJapanTime(instant).DateTime);

    /// <summary>Formats an instant for people, in Japan time: 2026年12月4日 21:05.</summary>
    public static string FormatDateTime(DateTimeOffset instant)
    {
        var local = ToJapanTime(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Year}年{local.Month}月{local.Day}日 {local:HH\\:mm}");
    }

    /// <summary>Formats the Japan-time date of an instant: 2026年12月4日.</summary>
    public static string FormatDate(DateTimeOffset instant)
    {
        var local = ToJapanTime(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Year}年{local.Month}月{local.Day}日");
    }
}
