using System.Globalization;

namespace MynaPlatform.Portal.Display;

/// <summary>Formats instants as Japan time, the way the screens show dates.</summary>
public static class JapanTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>For example 2026年12月5日 8時07分.</summary>
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy年M月d日 H時mm分", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a calendar date given as <c>yyyy-MM-dd</c>, for example 2026年12月5日, the way the
    /// instants above write their date. A value of another form is returned as it is.
    /// </summary>
    public static string FormatDate(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : date;

    /// <summary>The machine-readable form for a <c>time</c> element's <c>datetime</c> attribute.</summary>
    public static string Iso(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
