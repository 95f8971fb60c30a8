using System.Text.Json;
using System.Text.Json.Serialization;
using MynaPlatform.Notices.Domain.Idempotency;
using MynaPlatform.Notices.Domain.Time;
using MynaPlatform.Notices.Domain.Validation;
using MynaPlatform.ServiceDefaults.Problems;

namespace MynaPlatform.Notices.Partner;

/// <summary>
/// One notice as the agency sends it. Times stay strings here because they must carry an offset
/// (RFC 3339), which the JSON reader would not insist on.
/// </summary>
public sealed record NoticePushRequest(
    string? Recipient,
    string? Title,
    string? Body,
    string? BodyFormat,
    string? Category,
    string? PublishAt,
    string? ExpiresAt,
    string? PaymentReference)
{
    public const string RecipientField = "recipient";

    /// <summary>The push item for validation and the fingerprint, with the errors of fields that could not be read.</summary>
    public (NoticePushItem Item, IReadOnlyList<FieldError> Errors) ToPushItem()
    {
        var errors = new List<FieldError>();
        var publishAt = ParseTime(PublishAt, NoticeFields.PublishAt, "公開日時", errors);
        var expiresAt = ParseTime(ExpiresAt, NoticeFields.ExpiresAt, "掲載期限", errors);
        if (string.IsNullOrWhiteSpace(Recipient))
        {
            errors.Add(new(RecipientField, "宛先（recipient）がありません。本人の登録（enrollment）で受け取った、この機関の識別子を指定してください。"));
        }

        var draft = new NoticeDraft(Title, Body, BodyFormat, Category, publishAt, expiresAt, PaymentReference);
        return (new NoticePushItem(Recipient, draft), errors);
    }

    // NOTE: an unreadable time enters the fingerprint as a missing one. A batch retried with the same
    // key and only that time corrected therefore returns the first result, so corrected content needs a new key.
    private static DateTimeOffset? ParseTime(string? value, string field, string label, List<FieldError> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (Rfc3339.TryParse(value, out var instant))
        {
            return instant;
        }

        errors.Add(new(field, $"{label}（{field}）は実在する日時を、時差付きの RFC 3339 形式（例: 2026-04-01T09:00:00+09:00）で指定してください。"));
        return null;
    }
}

public sealed record NoticeBatchRequest(IReadOnlyList<NoticePushRequest?>? Items)
{
    public const string ItemsField = "items";
    public const int MaxItems = 10_000;
}

public static class PushJson
{
    /// <summary>Web defaults, read strictly, so a field such as a sender is never silently ignored.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Reads a request body; on failure returns a Japanese message that names the JSON path.</summary>
    public static async Task<(T? Value, FieldError? Error)> ReadAsync<T>(Stream body, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(body, Options, cancellationToken);
            return value is null
                ? (null, new FieldError(JsonBodyProblem.RootPath, "リクエストの JSON が空です。JSON オブジェクトを送ってください。"))
                : (value, null);
        }
        catch (JsonException exception)
        {
            // The key "$" (the JSON root) keeps a broken request apart from the notice's own field "body" (本文).
            var (key, detail) = JsonBodyProblem.Describe(exception);
            return (null, new FieldError(key, detail));
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonBodyProblem.ReadStrictly(options);
        return options;
    }
}
