using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Text;

namespace MynaPlatform.Notices.Domain.Time;

/// <summary>
/// A period filter of Japan-time calendar dates, both inclusive and both optional. As instants it is
/// the half-open range [<see cref="StartUtc"/>, <see cref="EndUtc"/>): from 00:00 in Japan on
/// <see cref="From"/> up to, not including, 00:00 in Japan on the day after <see cref="To"/>.
/// </summary>
public sealed record JapanDatePeriod(DateOnly? From, DateOnly? To)
{
    public const string FromField = "from";
    public const string ToField = "to";

    /// <summary>The first instant in the period (UTC), or null when it has no start.</summary>
    public DateTimeOffset? StartUtc => From is { } from ? JapanTime.StartOfDay(from) : null;

    /// <summary>The first instant after the period (UTC), or null when it has no end.</summary>
    public DateTimeOffset? EndUtc => To is { } to ? JapanTime.StartOfDay(to.AddDays(1)) : null;

    public bool Contains(DateTimeOffset instant) =>
        (StartUtc is not { } start || instant >= start) && (EndUtc is not { } end || instant < end);

    /// <summary>
    /// Parses the query values, each <c>yyyy-MM-dd</c> with ASCII digits between 1900-01-01 and
    /// 9998-12-31, and <c>to</c> not before <c>from</c>. Errors name the parameter in Japanese.
    /// </summary>
    public static bool TryParse(string? from, string? to, [NotNullWhen(true)] out JapanDatePeriod? period, out IReadOnlyList<FieldError> errors)
    {
        var found = new List<FieldError>();
        var fromDate = ParseDate(from, FromField, "始まり", found);
        var toDate = ParseDate(to, ToField, "終わり", found);
        if (found.Count == 0 && fromDate > toDate)
        {
            found.Add(new(ToField, "期間の終わり（to）が始まり（from）より前です。from 以降の日付を指定してください。"));
        }

        errors = found;
        period = found.Count == 0 ? new JapanDatePeriod(fromDate, toDate) : null;
        return period is not null;
    }

    private static DateOnly? ParseDate(string? value, string field, string label, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!HasDateShape(value)
            || !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(field, $"期間の{label}（{field}）は yyyy-MM-dd 形式の日付（例: 2026-04-01）で指定してください。"));
            return null;
        }

        if (!FilterDates.Contains(date))
        {
            errors.Add(new(field, $"期間の{label}（{field}）は {FilterDates.EarliestText} から {FilterDates.LatestText} までの日付にしてください。"));
            return null;
        }

        return date;
    }

    private static bool HasDateShape(string value)
    {
        if (value.Length != 10 || value[4] != '-' || value[7] != '-')
        {
            return false;
        }

        for (var index = 0; index < value.Length; index++)
        {
            if (index is not (4 or 7) && !char.IsAsciiDigit(value[index]))
            {
                return false;
            }
        }

        return true;
    }
}
