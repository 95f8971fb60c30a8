using MynaPlatform.Notices.Domain.Time;

namespace MynaPlatform.Portal.Display;

/// <summary>
/// Checks the period a person entered on a screen before a service gets it, so that the person reads
/// the screen's own words instead of the service's, which name its query parameters.
/// </summary>
public static class ScreenPeriod
{
    /// <summary>
    /// Returns a message when a date is not a valid <c>yyyy-MM-dd</c> date or the end comes before the
    /// start; otherwise null. The rules are those of <see cref="JapanDatePeriod"/>, which the notices service uses.
    /// </summary>
    public static ScreenMessage? Check(string? from, string? to)
    {
        var start = Trimmed(from);
        var end = Trimmed(to);
        var datesValid = JapanDatePeriod.TryParse(start, null, out _, out _) && JapanDatePeriod.TryParse(null, end, out _, out _);
        if (!datesValid)
        {
            return new ScreenMessage("期間の指定を確かめてください。", "日付は 2026-04-01 のように、年-月-日の形で、1900 年から 9998 年までの実在する日を入力してください。");
        }

        if (!JapanDatePeriod.TryParse(start, end, out _, out _))
        {
            return new ScreenMessage("期間の指定を確かめてください。", "期間の終わりの日付は、始まりの日付と同じ日か、それより後の日付にしてください。");
        }

        return null;
    }

    /// <summary>Returns the value without surrounding spaces, or null when it is empty, as the filters send it.</summary>
    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
