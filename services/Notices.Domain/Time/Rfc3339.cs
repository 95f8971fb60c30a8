using System.Globalization;

namespace MynaPlatform.Notices.Domain.Time;

/// <summary>
/// Parses RFC 3339 timestamps that must carry an offset (<c>Z</c> or <c>±hh:mm</c>). A timestamp
/// without one, which System.Text.Json would read in the server's own time zone, is rejected.
/// </summary>
public static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string? value, out DateTimeOffset instant)
    {
        instant = default;
        if (value is null || !HasOffset(value))
        {
            return false;
        }

        var normalized = value.Replace('t', 'T').Replace('z', 'Z');
        return DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    private static bool HasOffset(string value)
    {
        if (value.EndsWith('Z') || value.EndsWith('z'))
        {
            return true;
        }

        return value.Length > 6 && value[^6] is '+' or '-' && char.IsAsciiDigit(value[^5]) && char.IsAsciiDigit(value[^4])
            && value[^3] == ':' && char.IsAsciiDigit(value[^2]) && char.IsAsciiDigit(value[^1]);
    }
}
