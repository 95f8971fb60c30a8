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

    /// <summary>
    /// Stores an exact decimal as invariant text, because SQLite's REAL is a binary double and
    /// would round amounts. Text does not sort numerically, so order amounts in code.
    /// </summary>
    public static string ToText(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static decimal ToDecimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static object ToDbValue(string? value) => value is null ? DBNull.Value : value;
}
