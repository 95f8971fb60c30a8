using MynaPlatform.Notices.Domain.Validation;

namespace MynaPlatform.Notices.Domain.Idempotency;

/// <summary>
/// One notice of a push as sent: the agency's own identifier for the person, kept opaque here, and
/// the unvalidated fields, so that a batch with invalid items still has one fingerprint.
/// </summary>
public sealed record NoticePushItem(string? Recipient, NoticeDraft Notice);
