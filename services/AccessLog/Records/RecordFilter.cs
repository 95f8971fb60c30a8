using System.Globalization;
using MynaPlatform.AccessLog.Api;
using MynaPlatform.AccessLog.Chains;
using MynaPlatform.Text;

namespace MynaPlatform.AccessLog.Records;

/// <summary>The filters of the person's list and export, as given in the query string.</summary>
/// <param name="Agency">Registered agency id that the records name.</param>
/// <param name="Task">Part of the administrative task (事務) or purpose.</param>
/// <param name="From">First Japan date of the period, <c>yyyy-MM-dd</c>, inclusive.</param>
/// <param name="To">Last Japan date of the period, <c>yyyy-MM-dd</c>, inclusive.</param>
public sealed record RecordFilter(string? Agency, string? Task, string? From, string? To)
{
    public const int MaxTaskLength = 100;

    /// <summary>Builds the repository query; raises <see cref="AccessLogRequestException"/> naming the invalid filter.</summary>
    public RecordQuery ToQuery(DateOnly today, int skip, int take)
    {
        var agency = string.IsNullOrWhiteSpace(Agency) ? null : Agency.Trim();
        if (agency is { Length: > 100 })
        {
            throw AccessLogRequestException.Invalid("agency", "機関 ID を 100 文字以内で指定してください。");
        }

        var task = string.IsNullOrWhiteSpace(Task) ? null : Task.Trim();
        if (task is { Length: > MaxTaskLength })
        {
            throw AccessLogRequestException.Invalid("task", $"事務の名称の一部を {MaxTaskLength} 文字以内で指定してください。");
        }

        var from = ParseDate(From, "from");
        var to = ParseDate(To, "to");
        if (from is not null && to is not null && from > to)
        {
            throw AccessLogRequestException.Invalid("from", "期間の開始日 (from) は終了日 (to) 以前の日付にしてください。");
        }

        return new RecordQuery(
            agency,
            task is null ? null : LikePattern.Contains(task),
            task is null ? null : SearchText.Normalize(task),
            from is { } first ? JapanTime.StartOf(first) : null,
            to is { } last ? JapanTime.StartOf(last.AddDays(1)) : null,
            today,
            skip,
            take);
    }

    private static DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw AccessLogRequestException.Invalid(field, "日本時間の日付を yyyy-MM-dd の形式で指定してください (例: 2025-04-01)。");
        }

        return FilterDates.Contains(date)
            ? date
            : throw AccessLogRequestException.Invalid(field, $"日付は {FilterDates.EarliestText} から {FilterDates.LatestText} までの範囲で指定してください。");
    }
}
