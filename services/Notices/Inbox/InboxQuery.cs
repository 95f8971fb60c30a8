using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using MynaPlatform.Notices.Domain.Categories;
using MynaPlatform.Notices.Domain.Time;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.Notices.Storage;

namespace MynaPlatform.Notices.Inbox;

/// <summary>
/// Reads the inbox list's query string: <c>page</c>, <c>pageSize</c>, <c>category</c>,
/// <c>agency</c>, <c>read</c>, <c>archived</c>, <c>from</c>, <c>to</c> (Japan-time dates, inclusive)
/// and <c>q</c>. Every invalid parameter is reported with its name and the fix.
/// </summary>
public static class InboxQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 100;

    public static bool TryParse(IQueryCollection query, [NotNullWhen(true)] out InboxFilter? filter, out IReadOnlyList<FieldError> errors)
    {
        var found = new List<FieldError>();
        var (page, pageSize) = ParsePaging(query, found);
        var read = ParseBool(query, "read", "既読かどうか", found);
        var archived = ParseBool(query, "archived", "保管済みかどうか", found) ?? false;

        var category = Single(query, "category");
        if (category is not null && !NoticeCategories.IsDefined(category))
        {
            found.Add(new("category", $"分類（category）「{category}」は定義されていません。次のいずれかを指定してください: {NoticeCategories.KeyList}。"));
        }

        var agency = Single(query, "agency");
        if (agency is not null && agency.Length > 200)
        {
            found.Add(new("agency", "送信元（agency）が長すぎます。お知らせ一覧の agencyClientId の値を指定してください。"));
        }

        var search = Single(query, "q")?.Trim();
        if (search is { Length: > MaxSearchLength })
        {
            found.Add(new("q", $"検索語（q）が長すぎます（{search.Length}文字）。{MaxSearchLength}文字以内にしてください。"));
        }

        if (!JapanDatePeriod.TryParse(Single(query, JapanDatePeriod.FromField), Single(query, JapanDatePeriod.ToField), out var period, out var periodErrors))
        {
            found.AddRange(periodErrors);
        }

        errors = found;
        filter = found.Count == 0
            ? new InboxFilter(page, pageSize, category, agency, read, archived, period!, string.IsNullOrEmpty(search) ? null : search)
            : null;
        return filter is not null;
    }

    /// <summary>Reads <c>page</c> (from 1) and <c>pageSize</c> (1 to 100), adding an error for each invalid one.</summary>
    public static (int Page, int PageSize) ParsePaging(IQueryCollection query, List<FieldError> errors) =>
        (ParseInt(query, "page", 1, 1, 100_000, "ページ番号", errors),
         ParseInt(query, "pageSize", DefaultPageSize, 1, MaxPageSize, "1ページの件数", errors));

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[^1]) ? values[^1] : null;

    private static int ParseInt(IQueryCollection query, string name, int fallback, int min, int max, string label, List<FieldError> errors)
    {
        var value = Single(query, name);
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max)
        {
            return number;
        }

        errors.Add(new(name, $"{label}（{name}）は {min} から {max} までの半角の整数で指定してください。"));
        return fallback;
    }

    private static bool? ParseBool(IQueryCollection query, string name, string label, List<FieldError> errors)
    {
        var value = Single(query, name);
        switch (value)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.Add(new(name, $"{label}（{name}）は true か false で指定してください。"));
                return null;
        }
    }
}
