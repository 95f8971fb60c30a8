using System.Text.Json;
using MynaPlatform.Notices.Domain.Time;
using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Notices.Partner;

/// <summary>The result of a single push (201).</summary>
public sealed record PushedNotice(Guid NoticeId, string State, DateTimeOffset PublishAt);

/// <summary>
/// The result of a batch (200): every item by its index in the request, accepted with its notice id
/// or rejected with a reason and the invalid fields.
/// </summary>
public sealed record BatchResult(int Accepted, int Rejected, IReadOnlyList<BatchItemResult> Results);

public sealed record BatchItemResult(
    int Index,
    string Status,
    Guid? NoticeId = null,
    string? Reason = null,
    IDictionary<string, string[]>? Errors = null);

public static class PushReasons
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string InvalidFields = "invalid_fields";
    public const string UnknownRecipient = "unknown_recipient";

    public static string UnknownRecipientMessage(string recipient) =>
        $"宛先（recipient）「{recipient}」は、この機関の識別子として登録されていません。本人の登録（enrollment）で受け取った識別子を指定してください。";
}

public static class PushResponses
{
    /// <summary>Web defaults; Japanese text is written as it is, as in the other responses, not as <c>\uXXXX</c> escapes.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static PushedNotice Single(Guid noticeId, DateTimeOffset visibleAt, DateTimeOffset now) =>
        new(noticeId, visibleAt <= now ? "published" : "scheduled", JapanTime.ToJapanTime(visibleAt));

    public static BatchItemResult Invalid(int index, IReadOnlyList<FieldError> errors) =>
        new(index, PushReasons.Rejected, Reason: PushReasons.InvalidFields, Errors: FieldErrors.ToDictionary(errors));
}
