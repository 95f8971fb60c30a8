using System.Globalization;

namespace MynaPlatform.Text;

/// <summary>
/// The range of dates that the list filters of the notices inbox and the access log take. A filter
/// turns a date into the instants of its start and of the next day's start in Japan, which do not
/// exist for the first and last dates a <see cref="DateOnly"/> can hold.
/// </summary>
public static class FilterDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(9998, 12, 31);

    /// <summary>The first date as the filters' query parameters write it (<c>yyyy-MM-dd</c>), for messages.</summary>
    public static string EarliestText => Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The last date as the filters' query parameters write it (<c>yyyy-MM-dd</c>), for messages.</summary>
    public static string LatestText => Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Returns whether <paramref name="date"/> is within the range.</summary>
    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;
}
