using System.Globalization;

namespace MynaPlatform.Storage.Sqlite;

/// <summary>
/// Conversions for values SQLite has no type for. Instants are stored as UTC ISO 8601 text with a
/// fixed width, so text order is time order and range queries can use an index.
/// </summary>
public static class SqliteValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ToInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static object ToDbValue(string? value) => value is null ? DBNull.Value : value;
}
