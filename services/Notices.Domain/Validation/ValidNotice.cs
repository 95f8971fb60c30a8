using MynaPlatform.Notices.Domain.Categories;

namespace MynaPlatform.Notices.Domain.Validation;

/// <summary>
/// A notice that passed validation. Title and body are NFC-normalised (the title also trimmed), and
/// times are UTC instants.
/// </summary>
public sealed record ValidNotice(
    string Title,
    string Body,
    BodyFormat BodyFormat,
    NoticeCategory Category,
    DateTimeOffset? PublishAt,
    DateTimeOffset? ExpiresAt,
    string? PaymentReference);
