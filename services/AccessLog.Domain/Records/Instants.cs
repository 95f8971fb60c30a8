using System.Globalization;

namespace MynaPlatform.AccessLog.Domain.Records;

/// <summary>
/// Instants and dates as the log stores, hashes and serves them: instants in UTC at millisecond
/// precision (<c>2025-04-01T09:30:00.000Z</c>), dates as <c>yyyy-MM-dd</c>.
/// </summary>
public static class Instants
{
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Japan Standard Time, UTC+9 all year because Japan observes no daylight saving time.</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>Converts to UTC and drops everything below the millisecond, so the value survives a round trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    public static string Format(DateTimeOffset instant) =>
        Truncate(instant).ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Returns the calendar date in Japan at <paramref name="instant"/>.</summary>
    public static DateOnly JapanDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(JapanOffset).DateTime);

    /// <summary>Returns the instant in milliseconds since the Unix epoch, as the entry hash encodes it.</summary>
    public static long ToUnixMilliseconds(DateTimeOffset instant) => Truncate(instant).ToUnixTimeMilliseconds();
}
