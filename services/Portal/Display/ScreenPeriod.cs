using System.Globalization;

namespace MynaPlatform.Portal.Display;

/// <summary>
/// Checks the period a person entered on a screen before a service gets it, so that the person reads
/// the screen's own words instead of the service's, which name its query parameters.
/// </summary>
public static class ScreenPeriod
{
    /// <summary>Returns a message when a date is not <c>yyyy-MM-dd</c> or the end comes before the start; otherwise null.</summary>
    public static ScreenMessage? Check(string? from, string? to)
    {
        if (!TryParse(from, out var start) || !TryParse(to, out var end))
        {
            return new ScreenMessage("期間の指定を確かめてください。", "日付は 2026-04-01 のように、年-月-日の形で入力してください。");
        }

        if (start > end)
        {
            return new ScreenMessage("期間の指定を確かめてください。", "期間の終わりの日付は、始まりの日付と同じ日か、それより後の日付にしてください。");
        }

        return null;
    }

    /// <summary>Parses an optional date; an empty value is valid and leaves that end of the period open.</summary>
    private static bool TryParse(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
