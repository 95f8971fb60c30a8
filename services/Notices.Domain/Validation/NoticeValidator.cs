using System.Globalization;
using MynaPlatform.Notices.Domain.Categories;
using MynaPlatform.Text;

namespace MynaPlatform.Notices.Domain.Validation;

/// <summary>
/// Validates a pushed notice and returns either the normalised notice or every invalid field with a
/// Japanese message that names the field and the fix. All fields are checked, so one response lists
/// every mistake.
/// </summary>
public static class NoticeValidator
{
    /// <param name="draft">The notice as pushed.</param>
    /// <param name="now">The time of the push, which bounds the publish time and the expiry.</param>
    public static NoticeValidationResult Validate(NoticeDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);

        var errors = new List<FieldError>();
        var title = CheckTitle(draft.Title, errors);
        var body = CheckBody(draft.Body, errors);
        var formatIsValid = BodyFormats.TryParse(draft.BodyFormat, out var format);
        if (!formatIsValid)
        {
            errors.Add(new(NoticeFields.BodyFormat,
                $"本文の形式（bodyFormat）{TextChecks.Quote(draft.BodyFormat!)}は使えません。plain か markdown を指定してください（省略すると plain）。"));
        }

        var category = CheckCategory(draft.Category, errors);
        NoticeTimes.Check(draft.PublishAt, draft.ExpiresAt, now, errors);
        var paymentReference = CheckPaymentReference(draft.PaymentReference, errors);

        if (errors.Count > 0)
        {
            return NoticeValidationResult.Invalid(errors);
        }

        return NoticeValidationResult.Valid(new ValidNotice(
            title!, body!, format, category!, draft.PublishAt?.ToUniversalTime(), draft.ExpiresAt?.ToUniversalTime(), paymentReference));
    }

    private static string? CheckTitle(string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(NoticeFields.Title, "件名（title）がありません。件名を入力してください。"));
            return null;
        }

        var invalid = DisplayCharacters.FindUnsafe(value, allowLineBreaks: false);
        if (invalid >= 0)
        {
            errors.Add(new(NoticeFields.Title,
                $"件名（title）に使えない文字 {TextChecks.CodePointAt(value, invalid)} があります。改行、タブ、制御文字、文字の向きを変える記号、対になっていないサロゲートを取り除き、1行にしてください。"));
            return null;
        }

        var title = TextChecks.ToNfc(value).Trim();
        var length = TextChecks.CountTextElements(title);
        if (length > NoticeLimits.TitleMaxTextElements)
        {
            errors.Add(new(NoticeFields.Title,
                $"件名（title）が長すぎます（{length}文字）。{NoticeLimits.TitleMaxTextElements}文字以内にしてください。"));
            return null;
        }

        if (title.Length > NoticeLimits.TitleMaxCodeUnits)
        {
            errors.Add(new(NoticeFields.Title,
                $"件名（title）の結合文字が多すぎます（UTF-16 で{title.Length}単位）。{NoticeLimits.TitleMaxCodeUnits}単位以内にしてください。"));
            return null;
        }

        return title;
    }

    private static string? CheckBody(string? value, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(NoticeFields.Body, "本文（body）がありません。本文を入力してください。"));
            return null;
        }

        var invalid = DisplayCharacters.FindUnsafe(value, allowLineBreaks: true);
        if (invalid >= 0)
        {
            errors.Add(new(NoticeFields.Body,
                $"本文（body）に使えない文字 {TextChecks.CodePointAt(value, invalid)} があります。タブと改行以外の制御文字、文字の向きを変える記号、対になっていないサロゲートを取り除いてください。"));
            return null;
        }

        // The code-unit bound is checked first so that counting text elements stays cheap.
        var body = TextChecks.ToNfc(value);
        if (body.Length > NoticeLimits.BodyMaxCodeUnits)
        {
            errors.Add(new(NoticeFields.Body,
                $"本文（body）が長すぎます（UTF-16 で{Number(body.Length)}単位）。{Number(NoticeLimits.BodyMaxTextElements)}文字以内にしてください。"));
            return null;
        }

        var length = TextChecks.CountTextElements(body);
        if (length > NoticeLimits.BodyMaxTextElements)
        {
            errors.Add(new(NoticeFields.Body,
                $"本文（body）が長すぎます（{Number(length)}文字）。{Number(NoticeLimits.BodyMaxTextElements)}文字以内にしてください。"));
            return null;
        }

        return body;
    }

    private static NoticeCategory? CheckCategory(string? value, List<FieldError> errors)
    {
        if (NoticeCategories.TryGet(value, out var category))
        {
            return category;
        }

        var message = string.IsNullOrEmpty(value)
            ? $"分類（category）がありません。次のいずれかを指定してください: {NoticeCategories.KeyList}。"
            : $"分類（category）{TextChecks.Quote(value)}は定義されていません。次のいずれかを指定してください: {NoticeCategories.KeyList}。";
        errors.Add(new(NoticeFields.Category, message));
        return null;
    }

    private static string? CheckPaymentReference(string? value, List<FieldError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0)
        {
            errors.Add(new(NoticeFields.PaymentReference, "決済参照（paymentReference）が空です。使わない場合は項目ごと省略してください。"));
            return null;
        }

        if (value.Length > NoticeLimits.PaymentReferenceMaxLength || !value.All(IsVisibleAscii))
        {
            errors.Add(new(NoticeFields.PaymentReference,
                $"決済参照（paymentReference）は、空白を含まない半角の英数字と記号（ASCII の 0x21〜0x7E）で{NoticeLimits.PaymentReferenceMaxLength}文字以内にしてください（現在{value.Length}文字）。"));
            return null;
        }

        return value;
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static bool IsVisibleAscii(char character) => character is >= '!' and <= '~';
}
