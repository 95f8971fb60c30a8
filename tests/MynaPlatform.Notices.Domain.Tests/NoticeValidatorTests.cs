using MynaPlatform.Notices.Domain.Categories;
using MynaPlatform.Notices.Domain.Validation;
using Xunit;

namespace MynaPlatform.Notices.Domain.Tests;

public sealed class NoticeValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static NoticeDraft Draft(
        string? title = "予防接種のお知らせ",
        string? body = "4月から接種を受けられます。",
        string? bodyFormat = "plain",
        string? category = "health",
        DateTimeOffset? publishAt = null,
        DateTimeOffset? expiresAt = null,
        string? paymentReference = null) =>
        new(title, body, bodyFormat, category, publishAt, expiresAt, paymentReference);

    private static FieldError SingleError(NoticeDraft draft, string field)
    {
        var result = NoticeValidator.Validate(draft, Now);
        Assert.False(result.IsValid);
        Assert.Null(result.Notice);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        return error;
    }

    [Fact]
    public void Validate_CompleteNotice_ReturnsNormalisedNotice()
    {
        var publishAt = new DateTimeOffset(2026, 4, 10, 9, 0, 0, JapanOffset);
        var expiresAt = new DateTimeOffset(2026, 6, 30, 23, 59, 0, JapanOffset);

        var result = NoticeValidator.Validate(
            Draft(title: "  令和8年度 住民税のお知らせ ", category: "tax", bodyFormat: "markdown",
                publishAt: publishAt, expiresAt: expiresAt, paymentReference: "PE-12345/2026"),
            Now);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal("令和8年度 住民税のお知らせ", result.Notice.Title);
        Assert.Equal(BodyFormat.Markdown, result.Notice.BodyFormat);
        Assert.Same(NoticeCategories.Tax, result.Notice.Category);
        Assert.Equal(TimeSpan.Zero, result.Notice.PublishAt!.Value.Offset);
        Assert.Equal(publishAt, result.Notice.PublishAt);
        Assert.Equal(expiresAt, result.Notice.ExpiresAt);
        Assert.Equal("PE-12345/2026", result.Notice.PaymentReference);
    }

    [Fact]
    public void Validate_MissingBodyFormat_MeansPlain()
    {
        var result = NoticeValidator.Validate(Draft(bodyFormat: null), Now);

        Assert.True(result.IsValid);
        Assert.Equal(BodyFormat.Plain, result.Notice.BodyFormat);
    }

    [Fact]
    public void Validate_EverythingWrong_ListsEveryField()
    {
        var result = NoticeValidator.Validate(
            new NoticeDraft(null, "", "html", "news", Now.AddDays(-3), Now.AddDays(-4), ""), Now);

        Assert.Equal(
            [NoticeFields.Title, NoticeFields.Body, NoticeFields.BodyFormat, NoticeFields.Category,
             NoticeFields.PublishAt, NoticeFields.ExpiresAt, NoticeFields.PaymentReference],
            result.Errors.Select(error => error.Field));
        Assert.All(result.Errors, error => Assert.Contains($"（{error.Field}）", error.Message));
    }

    [Fact]
    public void Validate_ErrorDictionary_GroupsByField()
    {
        var result = NoticeValidator.Validate(Draft(title: null, category: "x"), Now);

        var errors = FieldErrors.ToDictionary(result.Errors);

        Assert.Equal(["title", "category"], errors.Keys);
        Assert.Single(errors["title"]);
        Assert.Contains("件名", errors["title"][0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void Title_Missing_IsRejected(string? title) =>
        Assert.Contains("件名を入力してください", SingleError(Draft(title: title), "title").Message);

    [Fact]
    public void Title_HundredKanji_IsAccepted() =>
        Assert.True(NoticeValidator.Validate(Draft(title: new string('税', 100)), Now).IsValid);

    [Fact]
    public void Title_HundredOneKanji_IsRejected()
    {
        var error = SingleError(Draft(title: new string('税', 101)), "title");

        Assert.Contains("101文字", error.Message);
        Assert.Contains("100文字以内", error.Message);
    }

    [Fact]
    public void Title_HundredFamilyEmoji_CountsHundred()
    {
        // 👨‍👩‍👧 is five code points and eight UTF-16 code units, but one character on screen.
        var family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        var title = string.Concat(Enumerable.Repeat(family, 100));

        Assert.True(NoticeValidator.Validate(Draft(title: title), Now).IsValid);
        Assert.False(NoticeValidator.Validate(Draft(title: title + family), Now).IsValid);
    }

    [Fact]
    public void Title_DecomposedKana_CountsAfterNfc()
    {
        // か + combining voiced mark (U+3099) is composed to が, and 100 of them fit.
        var decomposed = string.Concat(Enumerable.Repeat("\u304B\u3099", 100));

        var result = NoticeValidator.Validate(Draft(title: decomposed), Now);

        Assert.True(result.IsValid);
        Assert.Equal(new string('が', 100), result.Notice.Title);
    }

    [Fact]
    public void Title_SurrogatePairKanji_CountsOnce() =>
        Assert.True(NoticeValidator.Validate(Draft(title: string.Concat(Enumerable.Repeat("𠮷", 100))), Now).IsValid);

    [Fact]
    public void Title_StackedCombiningMarks_IsRejected()
    {
        // One visible character carrying 1,500 combining marks: one text element, 1,500 code units after NFC.
        var stacked = "a" + new string('\u0301', 1_500);

        var error = SingleError(Draft(title: stacked), "title");

        Assert.Contains("結合文字", error.Message);
    }

    [Theory]
    [InlineData("一行目\n二行目", "U+000A")]
    [InlineData("タブ\t入り", "U+0009")]
    [InlineData("ベル\u0007", "U+0007")]
    [InlineData("NUL\0", "U+0000")]
    [InlineData("C1\u0085", "U+0085")]
    [InlineData("逆向き\u202Eabc", "U+202E")]
    [InlineData("行区切り\u2028", "U+2028")]
    public void Title_InvalidCharacter_NamesCodePoint(string title, string codePoint) =>
        Assert.Contains(codePoint, SingleError(Draft(title: title), "title").Message);

    // Built in code: theory data with lone surrogates would be repaired when xunit serialises it.
    [Fact]
    public void Title_LoneSurrogate_NamesCodePoint()
    {
        Assert.Contains("U+D800", SingleError(Draft(title: "lone \uD800 surrogate"), "title").Message);
        Assert.Contains("U+DC00", SingleError(Draft(title: "reversed \uDC00\uD800"), "title").Message);
        Assert.Contains("U+D83D", SingleError(Draft(title: "cut \uD83D"), "title").Message);
    }

    [Fact]
    public void Body_TwentyThousandCharacters_IsAccepted() =>
        Assert.True(NoticeValidator.Validate(Draft(body: new string('文', 20_000)), Now).IsValid);

    [Fact]
    public void Body_TwentyThousandOne_IsRejected() =>
        Assert.Contains("20,000文字以内", SingleError(Draft(body: new string('文', 20_001)), "body").Message);

    [Fact]
    public void Body_CrLfLineBreaks_CountAsOne()
    {
        // "\r\n" is one text element, so 10,000 lines of one character and CRLF are 20,000 characters.
        var body = string.Concat(Enumerable.Repeat("文\r\n", 10_000));

        Assert.True(NoticeValidator.Validate(Draft(body: body), Now).IsValid);
    }

    [Fact]
    public void Body_HugeCodeUnitCount_IsRejectedBeforeCounting()
    {
        var body = new string('\u0301', NoticeLimits.BodyMaxCodeUnits + 1);

        Assert.Contains("UTF-16", SingleError(Draft(body: body), "body").Message);
    }

    [Theory]
    [InlineData("本文\u0000", "U+0000")]
    [InlineData("本文\u001B[31m", "U+001B")]
    [InlineData("本文\u007F", "U+007F")]
    [InlineData("本文\u2066隔離", "U+2066")]
    [InlineData("本文\u2029", "U+2029")]
    public void Body_ControlCharacter_IsRejected(string body, string codePoint) =>
        Assert.Contains(codePoint, SingleError(Draft(body: body), "body").Message);

    [Fact]
    public void Body_LoneSurrogate_IsRejected() =>
        Assert.Contains("U+DBFF", SingleError(Draft(body: "本文\uDBFF"), "body").Message);

    [Fact]
    public void Body_TabsAndLineBreaks_AreAccepted() =>
        Assert.True(NoticeValidator.Validate(Draft(body: "項目\t金額\r\n住民税\t12,000円\n"), Now).IsValid);

    [Theory]
    [InlineData("Markdown")]
    [InlineData("MARKDOWN")]
    [InlineData("html")]
    [InlineData("")]
    [InlineData("text/plain")]
    public void BodyFormat_Unknown_IsRejected(string format) =>
        Assert.Contains("plain か markdown", SingleError(Draft(bodyFormat: format), "bodyFormat").Message);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Category_Missing_ListsKeys(string? category) =>
        Assert.Contains("tax, pension", SingleError(Draft(category: category), "category").Message);

    [Fact]
    public void Category_Unknown_QuotesValueAndKeys()
    {
        var message = SingleError(Draft(category: "Tax"), "category").Message;

        Assert.Contains("「Tax」", message);
        Assert.Contains("tax, pension, health", message);
    }

    [Fact]
    public void Category_LongValue_IsShortenedInMessage()
    {
        var message = SingleError(Draft(category: new string('x', 10_000)), "category").Message;

        Assert.Contains(new string('x', 32) + "…」", message);
        Assert.True(message.Length < 200);
    }

    [Fact]
    public void PublishAt_WithinOneDayPast_IsAccepted() =>
        Assert.True(NoticeValidator.Validate(Draft(publishAt: Now.AddHours(-23)), Now).IsValid);

    [Fact]
    public void PublishAt_MoreThanOneDayPast_IsRejected() =>
        Assert.Contains("省略", SingleError(Draft(publishAt: Now.AddHours(-25)), "publishAt").Message);

    [Fact]
    public void PublishAt_OneYearAhead_IsAccepted() =>
        Assert.True(NoticeValidator.Validate(Draft(publishAt: Now.AddYears(1)), Now).IsValid);

    [Fact]
    public void PublishAt_BeyondOneYear_IsRejected() =>
        Assert.Contains("1年以内", SingleError(Draft(publishAt: Now.AddYears(1).AddMinutes(1)), "publishAt").Message);

    [Fact]
    public void ExpiresAt_BeforePublishAt_IsRejected() =>
        Assert.Contains("公開日時", SingleError(Draft(publishAt: Now.AddDays(10), expiresAt: Now.AddDays(9)), "expiresAt").Message);

    [Fact]
    public void ExpiresAt_EqualToPublishAt_IsRejected() =>
        SingleError(Draft(publishAt: Now.AddDays(10), expiresAt: Now.AddDays(10)), "expiresAt");

    [Fact]
    public void ExpiresAt_InPastWithoutPublishAt_IsRejected() =>
        Assert.Contains("現在より前", SingleError(Draft(expiresAt: Now.AddMinutes(-1)), "expiresAt").Message);

    [Fact]
    public void ExpiresAt_BetweenPastPublishAndNow_IsRejected() =>
        SingleError(Draft(publishAt: Now.AddHours(-12), expiresAt: Now.AddHours(-6)), "expiresAt");

    [Fact]
    public void ExpiresAt_TenYearsAfterPublish_IsAccepted() =>
        Assert.True(NoticeValidator.Validate(Draft(publishAt: Now.AddDays(30), expiresAt: Now.AddDays(30).AddYears(10)), Now).IsValid);

    [Fact]
    public void ExpiresAt_BeyondTenYears_IsRejected() =>
        Assert.Contains("10年以内", SingleError(Draft(expiresAt: Now.AddYears(10).AddDays(1)), "expiresAt").Message);

    [Fact]
    public void Times_DifferentOffsets_CompareAsInstants()
    {
        // 09:00 in Japan is midnight UTC: an expiry at 08:59+09:00 is before a publish time of 00:00Z.
        var publishAt = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var expiresAt = new DateTimeOffset(2026, 5, 1, 8, 59, 0, JapanOffset);

        SingleError(Draft(publishAt: publishAt, expiresAt: expiresAt), "expiresAt");
    }

    [Theory]
    [InlineData("A")]
    [InlineData("PE-0000-1234-5678")]
    [InlineData("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void PaymentReference_VisibleAscii_IsAccepted(string reference) =>
        Assert.Equal(reference, NoticeValidator.Validate(Draft(paymentReference: reference), Now).Notice?.PaymentReference);

    [Theory]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    [InlineData("全角１２３")]
    [InlineData("ＡＢＣ")]
    [InlineData("line\nbreak")]
    [InlineData("del\u007F")]
    public void PaymentReference_Invalid_IsRejected(string reference) =>
        Assert.Contains("64文字以内", SingleError(Draft(paymentReference: reference), "paymentReference").Message);

    [Fact]
    public void PaymentReference_Empty_AsksToOmit() =>
        Assert.Contains("省略", SingleError(Draft(paymentReference: ""), "paymentReference").Message);

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
}
