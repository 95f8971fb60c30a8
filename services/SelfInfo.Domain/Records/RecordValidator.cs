using System.Globalization;
using MynaPlatform.SelfInfo.Domain.Categories;
using MynaPlatform.SelfInfo.Domain.Validation;
using MynaPlatform.Text;

namespace MynaPlatform.SelfInfo.Domain.Records;

/// <summary>
/// Checks an agency's record. Every error names the JSON field and explains in Japanese how to fix it;
/// all errors are collected, so the agency can fix them in one round.
/// </summary>
public static class RecordValidator
{
    /// <summary>Validates <paramref name="draft"/>; <paramref name="today"/> is the current Japan date, the latest allowed as-of date.</summary>
    public static RecordValidationResult Validate(RecordDraft draft, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();

        var recordKey = CheckIdentifier(draft.RecordKey, "recordKey", RecordLimits.MaxRecordKeyLength, "機関内で記録を識別するキー", errors);
        var agencyPersonId = CheckIdentifier(draft.AgencyPersonId, "agencyPersonId", RecordLimits.MaxAgencyPersonIdLength,
            "本人登録 (enrollments) で受け取った機関別の本人識別子", errors);
        var category = CheckCategory(draft.CategoryGroup, draft.CategoryName, errors);
        var asOf = CheckAsOf(draft.AsOf, today, errors);
        var items = CheckItems(draft.Items, errors);

        return errors.Count > 0
            ? RecordValidationResult.Invalid(errors)
            : RecordValidationResult.Valid(new ValidRecord(recordKey!, agencyPersonId!, category!, asOf!.Value, items));
    }

    /// <summary>Tells whether <paramref name="value"/> has the form of a record key, for keys taken from a URL.</summary>
    public static bool IsIdentifier(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(IsIdentifierCharacter);

    private static string? CheckIdentifier(string? value, string field, int maxLength, string meaning, List<FieldError> errors)
    {
        if (IsIdentifier(value, maxLength))
        {
            return value;
        }

        errors.Add(new FieldError(field,
            $"{meaning}を、英数字・ピリオド・ハイフン・下線の {maxLength} 文字以内で指定してください。"));
        return null;
    }

    private static SelfInfoCategory? CheckCategory(string? group, string? name, List<FieldError> errors)
    {
        if (SelfInfoCategories.TryFind(group, name, out var category))
        {
            return category;
        }

        if (!SelfInfoCategories.IsGroup(group))
        {
            errors.Add(new FieldError("category.group",
                $"分類のグループ「{Shorten(group)}」はありません。{string.Join(", ", SelfInfoCategories.Groups)} のいずれかを指定してください。"));
            return null;
        }

        errors.Add(new FieldError("category.name",
            $"グループ「{group}」に分類「{Shorten(name)}」はありません。{SelfInfoCategories.NamesIn(group!)} のいずれかを指定してください。"));
        return null;
    }

    private static DateOnly? CheckAsOf(string? text, DateOnly today, List<FieldError> errors)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            errors.Add(new FieldError("asOf", "情報の基準日を YYYY-MM-DD 形式の日付で指定してください (例: 2026-04-01)。"));
            return null;
        }

        if (asOf > today || asOf < RecordLimits.EarliestAsOf)
        {
            errors.Add(new FieldError("asOf",
                $"基準日は {RecordLimits.EarliestAsOf:yyyy-MM-dd} から今日 ({today:yyyy-MM-dd}、日本時間) までの日付を指定してください。"));
            return null;
        }

        return asOf;
    }

    private static List<RecordItem> CheckItems(IReadOnlyList<RecordItemDraft?>? drafts, List<FieldError> errors)
    {
        var items = new List<RecordItem>();
        if (drafts is null || drafts.Count == 0 || drafts.Count > RecordLimits.MaxItems)
        {
            errors.Add(new FieldError("items", $"記録の項目を 1 件以上 {RecordLimits.MaxItems} 件以内で指定してください。"));
            return items;
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < drafts.Count; index++)
        {
            var field = $"items[{index}]";
            if (drafts[index] is not { } draft)
            {
                errors.Add(new FieldError(field, "項目を label と value を持つオブジェクトで指定してください。"));
                continue;
            }

            var label = draft.Label?.Trim();
            if (!IsSingleLine(label, RecordLimits.MaxLabelLength))
            {
                errors.Add(new FieldError($"{field}.label", $"項目名を、改行や文字の向きを変える記号を含まない {RecordLimits.MaxLabelLength} 文字以内で指定してください (例: 接種日)。"));
            }
            else if (!labels.Add(label!))
            {
                errors.Add(new FieldError($"{field}.label", $"項目名「{label}」が重複しています。1 つの記録では項目名を重ならないようにしてください。"));
            }

            if (string.IsNullOrWhiteSpace(draft.Value) || draft.Value.Length > RecordLimits.MaxValueLength || HasUnsafeCharacter(draft.Value, allowLineBreaks: true))
            {
                errors.Add(new FieldError($"{field}.value", $"項目の値を {RecordLimits.MaxValueLength} 文字以内で指定してください。改行とタブ以外の制御文字や、文字の向きを変える記号は使えません。"));
            }

            var unit = string.IsNullOrWhiteSpace(draft.Unit) ? null : draft.Unit.Trim();
            if (unit is not null && !IsSingleLine(unit, RecordLimits.MaxUnitLength))
            {
                errors.Add(new FieldError($"{field}.unit", $"単位を、改行や文字の向きを変える記号を含まない {RecordLimits.MaxUnitLength} 文字以内で指定するか、省略してください (例: 円)。"));
            }

            items.Add(new RecordItem(label ?? "", draft.Value ?? "", unit));
        }

        return items;
    }

    private static bool IsSingleLine(string? text, int maxLength) =>
        !string.IsNullOrEmpty(text) && text.Length <= maxLength && !HasUnsafeCharacter(text, allowLineBreaks: false);

    private static bool HasUnsafeCharacter(string text, bool allowLineBreaks) =>
        DisplayCharacters.FindUnsafe(text, allowLineBreaks) >= 0;

    private static bool IsIdentifierCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '.' or '-' or '_';

    /// <summary>Cuts an echoed value, so an error message stays short whatever the client sent.</summary>
    private static string Shorten(string? value)
    {
        if (value is null)
        {
            return "(なし)";
        }

        return value.Length <= 30 ? value : $"{value[..30]}…";
    }
}

/// <summary>Either a valid record or the field errors that prevent it.</summary>
public sealed class RecordValidationResult
{
    private RecordValidationResult(ValidRecord? record, IReadOnlyList<FieldError> errors)
    {
        Record = record;
        Errors = errors;
    }

    public ValidRecord? Record { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool IsValid => Record is not null;

    public static RecordValidationResult Valid(ValidRecord record) => new(record, []);

    public static RecordValidationResult Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}
