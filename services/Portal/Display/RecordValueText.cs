using System.Globalization;

namespace MynaPlatform.Portal.Display;

/// <summary>The text of a record item's value and unit as the あなたの情報 screens show it.</summary>
public static class RecordValueText
{
    private const string Yen = "円";

    /// <summary>
    /// Returns the value followed by its unit. An amount in yen written in ASCII digits is grouped by
    /// thousands (3500000 円 becomes 3,500,000 円). Any other value, a year or a code for example, is
    /// shown exactly as the agency sent it.
    /// </summary>
    public static string Format(string value, string? unit)
    {
        var displayed = unit == Yen && IsPlainInteger(value)
            ? long.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture)
            : value;
        return unit is null ? displayed : $"{displayed} {unit}";
    }

    /// <summary>Checks for an optional minus sign and 1 to 18 ASCII digits without a leading zero, so grouping changes no digit.</summary>
    private static bool IsPlainInteger(string value)
    {
        var negative = value.StartsWith('-');
        var digits = negative ? value.AsSpan(1) : value.AsSpan();
        if (digits.IsEmpty || digits.Length > 18 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return digits[0] != '0' || (digits.Length == 1 && !negative);
    }
}
