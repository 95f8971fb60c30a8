namespace MynaPlatform.Notices.Domain.Validation;

/// <summary>
/// A notice as an agency pushed it, before validation. Every field may be missing or wrong; the
/// times must already carry an offset (see <see cref="Time.Rfc3339"/>).
/// </summary>
public sealed record NoticeDraft(
    string? Title,
    string? Body,
    string? BodyFormat,
    string? Category,
    DateTimeOffset? PublishAt = null,
    DateTimeOffset? ExpiresAt = null,
    string? PaymentReference = null);
